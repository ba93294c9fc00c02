package app.chorus.opinions.math;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Participants x statements, one byte a cell (1 agree, -1 disagree, 0 pass, {@link #NONE} not voted). Rows grow with
 * the statements; column sums and counts, and the covariance's pair sums, are kept as votes arrive so an update needs
 * no pass over every vote. A large batch (or a new statement) recounts the pair sums once instead.
 */
final class VoteMatrix {

    static final byte NONE = Byte.MIN_VALUE;
    private static final int LARGEST_INCREMENTAL_BATCH = 10_000;

    private final PairSums pairs = new PairSums();

    private final Ids participants = new Ids();
    private final Ids statements = new Ids();
    private final BitSet moderatedOut = new BitSet();
    private byte[][] rows = new byte[16][];
    private int[] voteCounts = new int[16];
    private int[] columnSums = new int[16];
    private int[] columnCounts = new int[16];
    private int votedStatements;

    /** Ids in order of arrival, each with its index. */
    private static final class Ids {

        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> ids = new ArrayList<>();

        /** The id's index, or -1 when it is new (then it is added as the last). */
        int indexOrAdd(String id) {
            Integer known = index.putIfAbsent(id, ids.size());
            if (known != null) {
                return known;
            }
            ids.add(id);
            return -1;
        }

        boolean contains(String id) {
            return index.containsKey(id);
        }

        int size() {
            return ids.size();
        }

        String get(int i) {
            return ids.get(i);
        }
    }

    int statement(String id) {
        int known = statements.indexOrAdd(id);
        if (known >= 0) {
            return known;
        }
        int index = statements.size() - 1;
        if (index == columnSums.length) {
            columnSums = Arrays.copyOf(columnSums, index * 2);
            columnCounts = Arrays.copyOf(columnCounts, index * 2);
        }
        return index;
    }

    int participant(String id) {
        int known = participants.indexOrAdd(id);
        if (known >= 0) {
            return known;
        }
        int index = participants.size() - 1;
        if (index == rows.length) {
            rows = Arrays.copyOf(rows, index * 2);
            voteCounts = Arrays.copyOf(voteCounts, index * 2);
        }
        rows[index] = new byte[0];
        return index;
    }

    void putAll(Collection<Vote> votes) {
        boolean incremental = votes.size() <= LARGEST_INCREMENTAL_BATCH && pairs.covers(statements.size());
        for (Vote vote : votes) {
            put(vote, incremental && statements.contains(vote.statement()));
            incremental &= pairs.covers(statements.size());
        }
        if (!pairs.covers(statements.size()) || !incremental) {
            pairs.rebuild(participants.size(), statements.size(), p -> rows[p]);
        }
    }

    /** The covariance of the centred, mean-imputed rating matrix (unnormalised). */
    double[][] covariance(double[] mean) {
        return pairs.covariance(mean, this);
    }

    private void put(Vote vote, boolean trackPairs) {
        int p = participant(vote.participant());
        int s = statement(vote.statement());
        byte[] row = rows[p];
        if (row.length <= s) {
            int length = Math.max(s + 1, Math.min(statements.size(), Math.max(8, row.length * 2)));
            int old = row.length;
            row = Arrays.copyOf(row, length);
            Arrays.fill(row, old, length, NONE);
            rows[p] = row;
        }
        byte before = row[s];
        if (trackPairs) {
            pairs.change(row, s, before, (byte) vote.value());
        }
        if (before == NONE) {
            voteCounts[p]++;
            if (columnCounts[s]++ == 0) {
                votedStatements++;
            }
        } else {
            columnSums[s] -= before;
        }
        row[s] = (byte) vote.value();
        columnSums[s] += vote.value();
    }

    void moderate(String statement, boolean out) {
        moderatedOut.set(statement(statement), out);
    }

    /** The raw vote, moderation not applied, or {@link #NONE}. */
    byte raw(int participant, int statement) {
        byte[] row = rows[participant];
        return statement < row.length ? row[statement] : NONE;
    }

    /** The participant's row as stored: may be shorter than the statement count (missing cells are not voted). */
    byte[] row(int participant) {
        return rows[participant];
    }

    boolean isModeratedOut(int statement) {
        return moderatedOut.get(statement);
    }

    /**
     * Moderated-out statements someone has voted on: Polis's rating matrix has a column only for a statement with a
     * vote (named_matrix.clj {@code zero-out-columns} skips the others), so only these are zeroed cells.
     */
    int votedModeratedOutCount() {
        return (int) moderatedOut.stream().filter(s -> columnCounts[s] > 0).count();
    }

    /** Statements someone has voted on: the columns of Polis's rating matrix, which grows with the votes. */
    int votedStatementCount() {
        return votedStatements;
    }

    /** Mean of the rating matrix's column over those who voted: 0 for a moderated-out (zeroed) or unvoted column. */
    double mean(int statement) {
        if (moderatedOut.get(statement) || columnCounts[statement] == 0) {
            return 0;
        }
        return (double) columnSums[statement] / columnCounts[statement];
    }

    int voteCount(int participant) {
        return voteCounts[participant];
    }

    int participantCount() {
        return participants.size();
    }

    int statementCount() {
        return statements.size();
    }

    String participantId(int index) {
        return participants.get(index);
    }

    String statementId(int index) {
        return statements.get(index);
    }
}
