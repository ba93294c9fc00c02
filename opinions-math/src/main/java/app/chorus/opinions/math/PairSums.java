package app.chorus.opinions.math;

import java.util.function.IntFunction;

/**
 * Sums over pairs of statements that the covariance of the mean-imputed rating matrix is made of, kept as votes
 * arrive so an update does not pass over every vote: over the participants who voted on both j and k, {@code both}
 * counts them, {@code products} sums r_j r_k and {@code sums[j][k]} sums r_k. Then, with mu the column means,
 * C_jk = products_jk - mu_j sums_jk - mu_k sums_kj + mu_j mu_k both_jk (the diagonal is the column's own sums).
 */
final class PairSums {

    private int[][] both = new int[0][];
    private int[][] products = new int[0][];
    private int[][] sums = new int[0][];

    /** Recounts from every row: one pass costing the sum over participants of their votes squared. */
    void rebuild(int participants, int statements, IntFunction<byte[]> rows) {
        both = new int[statements][statements];
        products = new int[statements][statements];
        sums = new int[statements][statements];
        int[] index = new int[statements];
        for (int p = 0; p < participants; p++) {
            byte[] row = rows.apply(p);
            int k = 0;
            for (int s = 0; s < row.length; s++) {
                if (row[s] != VoteMatrix.NONE) {
                    index[k++] = s;
                }
            }
            for (int a = 0; a < k; a++) {
                int j = index[a];
                int rj = row[j];
                int[] bothRow = both[j];
                int[] productRow = products[j];
                int[] sumRow = sums[j];
                for (int b = 0; b < k; b++) {
                    int other = index[b];
                    bothRow[other]++;
                    productRow[other] += rj * row[other];
                    sumRow[other] += row[other];
                }
            }
        }
    }

    boolean covers(int statements) {
        return both.length == statements;
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
            products[j][k] += (after - old) * rk;
            products[k][j] = products[j][k];
            sums[k][j] += after - old;
            if (fresh) {
                both[j][k]++;
                both[k][j]++;
                sums[j][k] += rk;
            }
        }
        products[j][j] += after * after - old * old;
        sums[j][j] += after - old;
        both[j][j] += fresh ? 1 : 0;
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
                    c[j][k] = products[j][k] - mean[j] * sums[j][k] - mean[k] * sums[k][j] + mean[j] * mean[k] * both[j][k];
                }
            }
        }
        return c;
    }
}
