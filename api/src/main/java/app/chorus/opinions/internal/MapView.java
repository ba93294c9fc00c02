package app.chorus.opinions.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The opinion map as one caller sees it.
 *
 * @param voteMinimum     the votes a participant needs before they are placed in a group
 * @param groups          the opinion groups with their representative statements; a leader also sees each group's
 *                        sizes by school and role (null for others)
 * @param groupAware      statements ranked by group-aware consensus (top 5)
 * @param you             where the caller sits; null for a leader who does not take part
 */
public record MapView(long version, Instant updatedAt, int participants, int placed, int voteMinimum,
                      List<OpinionGroup> groups, List<StatementRef> consensusAgree, List<StatementRef> consensusDisagree,
                      List<ScoredStatement> groupAware, You you) {

    public record StatementRef(String id, String text) {
    }

    public record ScoredStatement(String id, String text, double score) {
    }

    /**
     * One opinion group; {@code centre} (x, y) is its members' mean position and {@code hull} the corners of the outline
     * around them, in the same plane as {@link You#position()}.
     */
    public record OpinionGroup(int id, String label, int size, List<StatementRef> representative, GroupBreakdown breakdown,
                            double[] centre, List<double[]> hull) {
    }

    /**
     * A group's members by school and by role. {@code suppressed} when the group has fewer than 5 people (nothing
     * else shown); a null count is hidden by small-number suppression.
     */
    public record GroupBreakdown(boolean suppressed, Map<String, Long> bySchool, Map<String, Long> byRole) {
    }

    /** The caller's position (null before their first counted vote), their group if placed, and the closest one. */
    public record You(int votes, boolean placed, Integer group, Integer closestGroup, double[] position) {
    }
}
