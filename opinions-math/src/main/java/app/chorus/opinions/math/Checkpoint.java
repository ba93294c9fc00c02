package app.chorus.opinions.math;

import java.util.List;

/**
 * What an {@link OpinionMapUpdater} carries from one update to the next, as of its last fold: a restart resumes from
 * it with the votes folded so far, instead of replaying every update of the conversation's history. Not the votes
 * themselves (they stay in the store); only what the warm starts and the group count's smoothing depend on.
 *
 * @param statements   the columns in the order they joined (indices in {@code included} and clusters follow it)
 * @param moderatedOut the statements zeroed at the last fold
 * @param participants the rows in the order they first voted
 * @param included     the rows included in the map (once included, always)
 * @param first        the first principal component, null before the first fold
 * @param second       the second principal component
 * @param bases        the base clusters (members: rows)
 * @param groups       the opinion groups shown (members: base cluster ids)
 * @param groupsByK    each k's last clustering of the base clusters (members: base cluster ids)
 * @param lastBest     the k the silhouette chose last time
 * @param lastBestRuns how many updates in a row it has won
 * @param chosen       the number of groups shown
 */
public record Checkpoint(List<String> statements, List<String> moderatedOut, List<String> participants, int[] included,
                         double[] first, double[] second, List<Cluster> bases, List<Cluster> groups,
                         List<Clustering> groupsByK,
                         int lastBest, int lastBestRuns, int chosen) {

    /** A cluster: its id, its members and its centre. */
    public record Cluster(int id, int[] members, double x, double y) {
    }

    /** One k's clustering of the base clusters. */
    public record Clustering(int k, List<Cluster> clusters) {
    }
}
