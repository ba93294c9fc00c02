package app.chorus.opinions.math;

import app.chorus.opinions.math.KMeans.Cluster;
import app.chorus.opinions.math.KMeans.Points;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The opinion map of one conversation, updated as votes arrive. Each {@link #fold} applies the new votes and
 * recomputes the map warm-started from the last one (components, base clusters, each k's groups, the group count's
 * history), as Polis's conversation update does. Participants are included once they have voted on at least
 * min(7, statements someone has voted on) and stay included. Not thread-safe: one updater per conversation, one fold at a time.
 */
public final class OpinionMapUpdater {

    private static final int VOTE_MINIMUM = 7;
    private static final int BASE_CLUSTERS = 100;
    private static final int BASE_ITERATIONS = 100;

    private final VoteMatrix votes = new VoteMatrix();
    private final BitSet included = new BitSet();
    private final GroupChoice groupChoice = new GroupChoice();
    private Pca pca;
    private List<Cluster> bases = List.of();
    private List<Cluster> groups = List.of();
    private double[][] positions = new double[2][0];

    /** Adds a statement (a column) before anyone votes on it; a vote on an unknown statement adds it too. */
    public void addStatement(String statement) {
        votes.statement(statement);
    }

    /** Moderates a statement out (its column counts as 0 for everyone, as Polis zeroes it) or back in. */
    public void moderate(String statement, boolean out) {
        votes.moderate(statement, out);
    }

    /** Applies the votes (a later vote on the same statement replaces the earlier one) and recomputes the map. */
    public void fold(Collection<Vote> newVotes) {
        votes.putAll(newVotes);
        if (votes.statementCount() == 0 || votes.participantCount() == 0) {
            return;
        }
        include();
        pca = Pca.of(votes, pca);
        positions = pca.project(votes);
        bases = KMeans.cluster(includedPoints(positions), BASE_CLUSTERS, bases, BASE_ITERATIONS);
        groups = groupChoice.choose(bases).stream().sorted(Comparator.comparingInt(Cluster::id)).toList();
    }

    /** Participants who have voted so far (rows of the vote matrix), included or not. */
    public int participantCount() {
        return votes.participantCount();
    }

    /** The votes that place a participant: min(7, statements someone has voted on), as Polis's {@code :in-conv}. */
    public int voteMinimum() {
        return Math.min(VOTE_MINIMUM, votes.votedStatementCount());
    }

    /** Statements so far (columns of the vote matrix). */
    public int statementCount() {
        return votes.statementCount();
    }

    /** What the next fold carries on from, as of the last fold (see {@link Checkpoint}). */
    public Checkpoint checkpoint() {
        List<String> moderatedOut = new ArrayList<>();
        List<String> statements = new ArrayList<>();
        for (int s = 0; s < votes.statementCount(); s++) {
            statements.add(votes.statementId(s));
            if (votes.isModeratedOut(s)) {
                moderatedOut.add(votes.statementId(s));
            }
        }
        List<String> participants = new ArrayList<>();
        for (int p = 0; p < votes.participantCount(); p++) {
            participants.add(votes.participantId(p));
        }
        return new Checkpoint(statements, moderatedOut, participants, included.stream().toArray(),
            pca == null ? null : pca.first().clone(), pca == null ? null : pca.second().clone(),
            bases.stream().map(GroupChoice::saved).toList(), groups.stream().map(GroupChoice::saved).toList(),
            groupChoice.lastByK(), groupChoice.lastBest(), groupChoice.lastBestRuns(), groupChoice.chosen());
    }

    /**
     * An updater as it was at a checkpoint, given the votes it had folded then (the latest of each participant's votes on
     * a statement; a vote replaced since may be left out: the next fold brings it). The map reads as it did then.
     */
    public static OpinionMapUpdater resume(Checkpoint checkpoint, Collection<Vote> folded) {
        OpinionMapUpdater updater = new OpinionMapUpdater();
        VoteMatrix votes = updater.votes;
        checkpoint.statements().forEach(votes::statement);
        checkpoint.participants().forEach(votes::participant);
        checkpoint.moderatedOut().forEach(statement -> votes.moderate(statement, true));
        votes.putAll(folded);
        for (int row : checkpoint.included()) {
            updater.included.set(row);
        }
        if (checkpoint.first() != null) {
            double[] center = new double[votes.statementCount()];
            Arrays.setAll(center, votes::mean);
            updater.pca = new Pca(center, checkpoint.first().clone(), checkpoint.second().clone());
            updater.positions = updater.pca.project(votes);
        }
        updater.bases = checkpoint.bases().stream().map(GroupChoice::restored).toList();
        updater.groups = checkpoint.groups().stream().map(GroupChoice::restored).toList();
        updater.groupChoice.restore(checkpoint);
        return updater;
    }

    /** The map as of the last fold: groups, their representative statements and the consensus statements. */
    public OpinionMap map() {
        int[] groupOf = groupOfParticipants();
        Tally[][] byGroup = tallies(groupOf, groups.size(), false);
        Tally[] everyone = tallies(groupOf, 1, true)[0];
        Map<String, Integer> participants = new LinkedHashMap<>();
        int[] sizes = new int[groups.size()];
        for (int p = 0; p < votes.participantCount(); p++) {
            participants.put(votes.participantId(p), groupOf[p] < 0 ? null : groupOf[p]);
            if (groupOf[p] >= 0) {
                sizes[groupOf[p]]++;
            }
        }
        List<OpinionMap.Group> mapped = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            mapped.add(new OpinionMap.Group(g, sizes[g], ids(Representativeness.of(byGroup, g, votes))));
        }
        Map<String, Double> groupAware = new LinkedHashMap<>();
        for (int s = 0; s < votes.statementCount() && !groups.isEmpty(); s++) {
            groupAware.put(votes.statementId(s), Consensus.groupAware(byGroup, s));
        }
        return new OpinionMap(Collections.unmodifiableMap(participants), List.copyOf(mapped),
                ids(Consensus.agreed(everyone, votes)), ids(Consensus.disagreed(everyone, votes)),
                Collections.unmodifiableMap(groupAware));
    }

    /** Every participant's position (x, y) as of the last fold, placed or not. */
    public Map<String, double[]> positions() {
        Map<String, double[]> byParticipant = new LinkedHashMap<>();
        for (int p = 0; p < positions[0].length; p++) {
            byParticipant.put(votes.participantId(p), new double[] {positions[0][p], positions[1][p]});
        }
        return byParticipant;
    }

    /**
     * Polis's comment extremity as of the last fold ({@code pca.clj} {@code pca-project-cmnts}): the distance from the
     * centre of a participant who voted on that statement alone, pushed out by sqrt(statements voted on), as every
     * position is. Statement routing favours the extreme ones.
     */
    public Map<String, Double> extremity() {
        Map<String, Double> extremity = new LinkedHashMap<>();
        int n = pca == null ? 0 : pca.center().length;
        double pushedOut = Math.sqrt(votes.votedStatementCount());
        for (int s = 0; s < n; s++) {
            double lone = pushedOut * Math.abs(-1 - pca.center()[s]);
            extremity.put(votes.statementId(s), lone * Math.hypot(pca.first()[s], pca.second()[s]));
        }
        return extremity;
    }

    private void include() {
        int minimum = voteMinimum();
        for (int p = 0; p < votes.participantCount(); p++) {
            if (votes.voteCount(p) >= minimum) {
                included.set(p);
            }
        }
    }

    private Points includedPoints(double[][] positions) {
        int[] names = included.stream().toArray();
        double[] xs = new double[names.length];
        double[] ys = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            xs[i] = positions[0][names[i]];
            ys[i] = positions[1][names[i]];
        }
        return new Points(names, xs, ys, null);
    }

    /** Group index per participant through their base cluster, -1 when not placed; groups ordered by id. */
    private int[] groupOfParticipants() {
        int[] groupOf = new int[votes.participantCount()];
        Arrays.fill(groupOf, -1);
        Map<Integer, Cluster> baseById = new LinkedHashMap<>();
        bases.forEach(base -> baseById.put(base.id(), base));
        for (int g = 0; g < groups.size(); g++) {
            for (int baseId : groups.get(g).members()) {
                for (int p : baseById.get(baseId).members()) {
                    groupOf[p] = g;
                }
            }
        }
        return groupOf;
    }

    /** Tallies per group and statement from the raw votes; {@code everyone} counts all participants as one group. */
    private Tally[][] tallies(int[] groupOf, int groupCount, boolean everyone) {
        int n = votes.statementCount();
        int[][] agrees = new int[groupCount][n];
        int[][] disagrees = new int[groupCount][n];
        int[][] seen = new int[groupCount][n];
        for (int p = 0; p < votes.participantCount(); p++) {
            int g = everyone ? 0 : groupOf[p];
            if (g < 0) {
                continue;
            }
            byte[] row = votes.row(p);
            for (int s = 0; s < row.length; s++) {
                if (row[s] != VoteMatrix.NONE) {
                    seen[g][s]++;
                    agrees[g][s] += row[s] == 1 ? 1 : 0;
                    disagrees[g][s] += row[s] == -1 ? 1 : 0;
                }
            }
        }
        Tally[][] tallies = new Tally[groupCount][n];
        for (int g = 0; g < groupCount; g++) {
            for (int s = 0; s < n; s++) {
                tallies[g][s] = new Tally(agrees[g][s], disagrees[g][s], seen[g][s]);
            }
        }
        return tallies;
    }

    private List<String> ids(List<Integer> statements) {
        return statements.stream().map(votes::statementId).toList();
    }
}
