package app.chorus.opinions.math;

import java.util.function.IntFunction;

/**
 * Sums over pairs of statements that the covariance of the mean-imputed rating matrix is made of, kept as votes
 * arrive so an update does not pass over every vote. Over the participants who voted on both j and k: N_jk counts
 * them, P_jk sums r_j r_k and S_jk sums r_k. Then, with mu the column means,
 * C_jk = P_jk - mu_j S_jk - mu_k S_kj + mu_j mu_k N_jk (the diagonal holds the column's own sums).
 *
 * <p>The three sums of a pair share one long, N + P 2^21 + S 2^42, so a recount adds one long per pair of votes
 * (it is most of a full computation's time). Each field stays within 2^20 in size while a conversation has under a
 * million participants; since P 2^21 and S 2^42 leave the low bits alone, the fields read back exactly.
 */
final class PairSums {

    private static final int SHIFT = 21;
    private static final long FIELD = (1L << SHIFT) - 1;
    private static final long HALF = 1L << (SHIFT - 1);

    private long[][] sums = new long[0][];

    /** Recounts from every row: one pass costing the sum over participants of their votes squared. */
    void rebuild(int participants, int statements, IntFunction<byte[]> rows) {
        sums = new long[statements][statements];
        int[] index = new int[statements];
        long[] alone = new long[statements];
        long[] product = new long[statements];
        for (int p = 0; p < participants; p++) {
            byte[] row = rows.apply(p);
            int k = 0;
            for (int s = 0; s < row.length; s++) {
                if (row[s] != VoteMatrix.NONE) {
                    index[k] = s;
                    alone[k] = 1 + ((long) row[s] << (2 * SHIFT));
                    product[k++] = (long) row[s] << SHIFT;
                }
            }
            for (int a = 0; a < k; a++) {
                long[] target = sums[index[a]];
                int rj = row[index[a]];
                for (int b = 0; b < k; b++) {
                    target[index[b]] += alone[b] + rj * product[b];
                }
            }
        }
    }

    boolean covers(int statements) {
        return sums.length == statements;
    }

    /** Participant's vote on j changes from {@code before} (or none) to {@code after}; {@code row} holds the others. */
    void change(byte[] row, int j, byte before, byte after) {
        boolean fresh = before == VoteMatrix.NONE;
        int old = fresh ? 0 : before;
        for (int k = 0; k < row.length; k++) {
            if (k == j || row[k] == VoteMatrix.NONE) {
                continue;
            }
            int rk = row[k];
            long product = (long) (after - old) * rk << SHIFT;
            sums[j][k] += product + (fresh ? 1 + ((long) rk << (2 * SHIFT)) : 0);
            sums[k][j] += product + (fresh ? 1 : 0) + ((long) (after - old) << (2 * SHIFT));
        }
        sums[j][j] += (fresh ? 1 : 0) + ((long) (after * after - old * old) << SHIFT) + ((long) (after - old) << (2 * SHIFT));
    }

    /** The covariance (unnormalised) of the centred, mean-imputed matrix; moderated-out columns are 0. */
    double[][] covariance(double[] mean, VoteMatrix votes) {
        int n = mean.length;
        double[][] c = new double[n][n];
        for (int j = 0; j < n; j++) {
            if (votes.isModeratedOut(j)) {
                continue;
            }
            for (int k = 0; k < n; k++) {
                if (!votes.isModeratedOut(k)) {
                    long jk = sums[j][k];
                    c[j][k] = products(jk) - mean[j] * sum(jk) - mean[k] * sum(sums[k][j]) + mean[j] * mean[k] * (jk & FIELD);
                }
            }
        }
        return c;
    }

    /** P from N + P 2^21 + S 2^42: N fills the low bits, so what is left above them is P + S 2^21 exactly. */
    private static long products(long packed) {
        long rest = (packed - (packed & FIELD)) >> SHIFT;
        return ((rest + HALF) & FIELD) - HALF;
    }

    private static long sum(long packed) {
        long rest = (packed - (packed & FIELD)) >> SHIFT;
        return (rest - products(packed)) >> SHIFT;
    }
}
