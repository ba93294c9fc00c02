package app.chorus.opinions.math;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Participants x statements, one byte a cell (1 agree, -1 disagree, 0 pass, {@link #NONE} not voted). Rows grow with
 * the statements; column sums and counts are kept as votes arrive so means need no pass over the matrix.
 */
final class VoteMatrix {

    static final byte NONE = Byte.MIN_VALUE;

    private final Map<String, Integer> participantIndex = new HashMap<>();
    private final List<String> participants = new ArrayList<>();
    private final Map<String, Integer> statementIndex = new HashMap<>();
    private final List<String> statements = new ArrayList<>();
    private final BitSet moderatedOut = new BitSet();
    private byte[][] rows = new byte[16][];
    private int[] voteCounts = new int[16];
    private int[] columnSums = new int[16];
    private int[] columnCounts = new int[16];

    int statement(String id) {
        Integer known = statementIndex.get(id);
        if (known != null) {
            return known;
        }
        int index = statements.size();
        statements.add(id);
        statementIndex.put(id, index);
        if (index == columnSums.length) {
            columnSums = Arrays.copyOf(columnSums, index * 2);
            columnCounts = Arrays.copyOf(columnCounts, index * 2);
        }
        return index;
    }

    int participant(String id) {
        Integer known = participantIndex.get(id);
        if (known != null) {
            return known;
        }
        int index = participants.size();
        participants.add(id);
        participantIndex.put(id, index);
        if (index == rows.length) {
            rows = Arrays.copyOf(rows, index * 2);
            voteCounts = Arrays.copyOf(voteCounts, index * 2);
        }
        rows[index] = new byte[0];
        return index;
    }

    void put(Vote vote) {
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
        if (before == NONE) {
            voteCounts[p]++;
            columnCounts[s]++;
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

    int moderatedOutCount() {
        return moderatedOut.cardinality();
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
