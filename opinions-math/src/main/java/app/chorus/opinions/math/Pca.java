package app.chorus.opinions.math;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * The first two principal components of the rating matrix with missing votes imputed by the column mean (Polis,
 * pca.clj). Once centred, an imputed cell is 0, so the covariance sums only the votes cast (kept by
 * {@link VoteMatrix} as votes arrive). As Polis, the components
 * come from power iteration warm-started from the previous update's, here on both at once (orthogonal iteration,
 * with Commons Math's products) until the plane they span stops moving, then rotated within that plane to
 * the covariance's eigenvectors (a 2 x 2 Commons Math eigen-decomposition). Signs follow the previous components.
 */
record Pca(double[] center, double[] first, double[] second) {

    /** Polis runs 100 power iterations an update (:pca-iters); warm starts carry on where the last update stopped. */
    private static final int MOST_ITERATIONS = 100;
    private static final double SETTLED = 1e-10;

    static Pca of(VoteMatrix votes, Pca previous) {
        int n = votes.statementCount();
        double[] center = new double[n];
        for (int s = 0; s < n; s++) {
            center[s] = votes.mean(s);
        }
        Array2DRowRealMatrix covariance = new Array2DRowRealMatrix(votes.covariance(center), false);
        RealMatrix plane = n < 3 ? exactPlane(covariance) : iteratedPlane(covariance, start(previous, n));
        double[] first = orient(plane.getColumn(0), previous == null ? null : previous.first);
        double[] second = orient(plane.getColumn(1), previous == null ? null : previous.second);
        return new Pca(center, first, second);
    }

    /** Each participant's position over the statements they voted on, scaled by sqrt(voted statements / votes). */
    double[][] project(VoteMatrix votes) {
        int statements = votes.votedStatementCount();
        int zeroed = votes.votedModeratedOutCount();
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

    /** Orthogonal iteration from {@code start} until the plane settles, then the eigenvectors within it. */
    private static RealMatrix iteratedPlane(Array2DRowRealMatrix covariance, RealMatrix start) {
        Array2DRowRealMatrix plane = orthonormal(start);
        for (int i = 0; i < MOST_ITERATIONS; i++) {
            RealMatrix product = covariance.multiply(plane);
            if (product.getFrobeniusNorm() == 0) {
                return plane;
            }
            Array2DRowRealMatrix next = orthonormal(product);
            double moved = next.subtract(plane.multiply(plane.transpose().multiply(next))).getFrobeniusNorm();
            plane = next;
            if (moved < SETTLED) {
                break;
            }
        }
        RealMatrix within = plane.transpose().multiply(covariance).multiply(plane);
        return plane.multiply(exactPlane(within));
    }

    /** Gram-Schmidt on the two columns (what a thin QR's Q would be, without building Commons Math's full n x n Q). */
    private static Array2DRowRealMatrix orthonormal(RealMatrix columns) {
        RealVector first = unit(columns.getColumnVector(0));
        RealVector second = columns.getColumnVector(1);
        second = unit(second.subtract(first.mapMultiply(first.dotProduct(second))));
        Array2DRowRealMatrix plane = new Array2DRowRealMatrix(columns.getRowDimension(), 2);
        plane.setColumnVector(0, first);
        plane.setColumnVector(1, second);
        return plane;
    }

    private static RealVector unit(RealVector vector) {
        double norm = vector.getNorm();
        return norm == 0 ? vector : vector.mapDivide(norm);
    }

    /** The eigenvectors of the two largest eigenvalues, as columns (a zero column when there is only one). */
    private static RealMatrix exactPlane(RealMatrix symmetric) {
        int n = symmetric.getRowDimension();
        EigenDecomposition eigen = new EigenDecomposition(symmetric);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[] values = eigen.getRealEigenvalues();
        Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        RealMatrix plane = new Array2DRowRealMatrix(n, 2);
        for (int c = 0; c < Math.min(2, n); c++) {
            plane.setColumnVector(c, eigen.getEigenvector(order[c]));
        }
        return plane;
    }

    /** Polis starts from the last components, padded with 1 for new statements; the first time from fixed vectors. */
    private static RealMatrix start(Pca previous, int n) {
        RealMatrix start = new Array2DRowRealMatrix(n, 2);
        for (int s = 0; s < n; s++) {
            boolean known = previous != null && s < previous.first.length;
            start.setEntry(s, 0, known ? previous.first[s] : 1);
            start.setEntry(s, 1, known ? previous.second[s] : (s % 2 == 0 ? 1 : -1));
        }
        return start;
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
