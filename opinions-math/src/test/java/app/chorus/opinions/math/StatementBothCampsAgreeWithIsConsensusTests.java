package app.chorus.opinions.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A leader reading the map sees what the divided camps still share, and what they all reject. */
class StatementBothCampsAgreeWithIsConsensusTests {

    private final PlantedConversation planted = new PlantedConversation(80, 20, 2, 1.0, 0.95, 17);

    @Test
    void sharedAndRejectedStatementsAreTheConsensus() {
        List<Vote> votes = new ArrayList<>(planted.votes());
        for (int p = 0; p < planted.participants(); p++) {
            votes.add(new Vote(PlantedConversation.participant(p), "shared", p % 10 == 0 ? 0 : 1));
            votes.add(new Vote(PlantedConversation.participant(p), "rejected", p % 10 == 1 ? 1 : -1));
        }
        OpinionMapUpdater updater = new OpinionMapUpdater();
        updater.fold(votes);

        OpinionMap map = updater.map();

        assertThat(map.groups()).hasSize(2);
        assertThat(map.consensusAgree()).hasSizeLessThanOrEqualTo(5).contains("shared").doesNotContain("rejected");
        assertThat(map.consensusDisagree()).hasSizeLessThanOrEqualTo(5).contains("rejected").doesNotContain("shared");
        Map<String, Double> groupAware = map.groupAwareConsensus();
        assertThat(groupAware.get("shared")).isGreaterThan(0.7);
        assertThat(groupAware.get("rejected")).isLessThan(0.02);
    }
}
