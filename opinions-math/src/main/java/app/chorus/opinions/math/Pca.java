package app.chorus.opinions.math;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * The first two principal components of the rating matrix with missing votes imputed by the column mean (Polis,
 * pca.clj). Once centred, an imputed cell is 0, so the covariance sums only the votes cast; the eigenvectors come
 * from Commons Math. Signs follow the previous components so the map does not flip between updates.
 */
record Pca(double[] center, double[] first, double[] second) {

    static Pca of(VoteMatrix votes, Pca previous) {
        int n = votes.statementCount();
        double[] center = new double[n];
        for (int s = 0; s < n; s++) {
            center[s] = votes.mean(s);
        }
        double[][] covariance = covariance(votes, center);
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(covariance, false));
        double[] values = eigen.getRealEigenvalues();
        int best = -1;
        int next = -1;
        for (int i = 0; i < values.length; i++) {
            if (best < 0 || values[i] > values[best]) {
                next = best;
                best = i;
            } else if (next < 0 || values[i] > values[next]) {
                next = i;
            }
        }
        double[] first = orient(vector(eigen, best, n), previous == null ? null : previous.first);
        double[] second = orient(vector(eigen, next, n), previous == null ? null : previous.second);
        return new Pca(center, first, second);
    }

    /** Each participant's position over the statements they voted on, scaled by sqrt(statements / votes). */
    double[][] project(VoteMatrix votes) {
        int statements = votes.statementCount();
        int zeroed = votes.moderatedOutCount();
        double[][] positions = new double[2][votes.participantCount()];
        for (int p = 0; p < votes.participantCount(); p++) {
            byte[] row = votes.row(p);
            double x = 0;
            double y = 0;
            int seen = zeroed;
            for (int s = 0; s < row.length; s++) {
                if (row[s] != VoteMatrix.NONE && !votes.isModeratedOut(s)) {
                    double centred = row[s] - center[s];
                    x += centred * first[s];
                    y += centred * second[s];
                    seen++;
                }
            }
            double scale = Math.sqrt((double) statements / Math.max(seen, 1));
            positions[0][p] = x * scale;
            positions[1][p] = y * scale;
        }
        return positions;
    }

    private static double[][] covariance(VoteMatrix votes, double[] center) {
        int n = center.length;
        double[][] sums = new double[n][n];
        int[] index = new int[n];
        double[] value = new double[n];
        for (int p = 0; p < votes.participantCount(); p++) {
            byte[] row = votes.row(p);
            int k = 0;
            for (int s = 0; s < row.length; s++) {
                if (row[s] != VoteMatrix.NONE && !votes.isModeratedOut(s)) {
                    index[k] = s;
                    value[k++] = row[s] - center[s];
                }
            }
            for (int a = 0; a < k; a++) {
                double[] target = sums[index[a]];
                double va = value[a];
                for (int b = a; b < k; b++) {
                    target[index[b]] += va * value[b];
                }
            }
        }
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                sums[b][a] = sums[a][b];
            }
        }
        return sums;
    }

    private static double[] vector(EigenDecomposition eigen, int index, int n) {
        if (index < 0) {
            return new double[n];
        }
        RealVector vector = eigen.getEigenvector(index);
        return vector.toArray();
    }

    /** Flip to agree with the previous component; with none, point along (1, 1, ...) as Polis's power iteration starts. */
    private static double[] orient(double[] component, double[] previous) {
        double dot = 0;
        for (int s = 0; s < component.length; s++) {
            dot += component[s] * (previous != null && s < previous.length ? previous[s] : 1);
        }
        if (dot < 0) {
            for (int s = 0; s < component.length; s++) {
                component[s] = -component[s];
            }
        }
        return component;
    }
}
