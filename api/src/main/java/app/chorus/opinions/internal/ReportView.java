package app.chorus.opinions.internal;

import app.chorus.opinions.internal.MapView.StatementRef;
import java.util.List;

/**
 * The report a leader publishes with the outcome: the groups in plain words, the consensus, participation, and the
 * map's picture ({@code pictureUrl}, SVG).
 */
public record ReportView(String topic, Participation participation, List<GroupInWords> groups,
                         List<StatementRef> consensusAgree, List<StatementRef> consensusDisagree, String pictureUrl) {

    /** Statement counts and people: voters, those placed in a group, votes cast. */
    public record Participation(int participants, int placed, long votes, long statementsShown, long statementsModeratedOut) {
    }

    public record GroupInWords(String label, int size, String summary, List<StatementRef> representative) {
    }
}
