package app.chorus.opinions.math;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Weighted k-means on 2-d points as Polis runs it (clusters.clj): a cold start takes the first k distinct points as
 * centres; a warm start re-centres the previous clusters on their members' new positions, merges identical ones and
 * splits off the most distant point until there are k (or as many as distinct points); then Lloyd steps until no
 * centre moves by 0.01. Empty clusters are dropped. Points are named by an int (participant or base cluster id).
 */
final class KMeans {

    /** A cluster: its id, the names of its members and its centre. */
    record Cluster(int id, int[] members, double x, double y) {
    }

    /** The points to cluster: names, positions and weights (all 1 when null). */
    record Points(int[] names, double[] xs, double[] ys, double[] weights) {

        int size() {
            return names.length;
        }

        double weight(int row) {
            return weights == null ? 1 : weights[row];
        }
    }

    private static final double SAME = 0.01;

    private KMeans() {
    }

    static List<Cluster> cluster(Points points, int k, List<Cluster> last, int maxIterations) {
        if (points.size() == 0) {
            return List.of();
        }
        int[] rowOf = rowIndex(points);
        List<Cluster> clusters = last == null || last.isEmpty() ? coldStart(points, k) : warmStart(points, rowOf, last, k);
        for (int i = 0; i <= maxIterations; i++) {
            List<Cluster> next = step(points, clusters);
            boolean same = same(clusters, next);
            clusters = next;
            if (same) {
                break;
            }
        }
        return clusters;
    }

    private static List<Cluster> coldStart(Points points, int k) {
        List<Cluster> clusters = new ArrayList<>();
        Set<Position> seen = new HashSet<>();
        for (int r = 0; r < points.size() && clusters.size() < k; r++) {
            if (seen.add(new Position(points.xs[r], points.ys[r]))) {
                clusters.add(new Cluster(clusters.size(), new int[0], points.xs[r], points.ys[r]));
            }
        }
        return clusters;
    }

    private static List<Cluster> warmStart(Points points, int[] rowOf, List<Cluster> last, int k) {
        List<Cluster> clusters = new ArrayList<>();
        for (Cluster cluster : last) {
            Cluster recentred = recentre(points, rowOf, cluster.id, present(rowOf, cluster.members));
            if (recentred != null) {
                clusters.add(recentred);
            }
        }
        clusters = mergeIdentical(clusters);
        int possible = Math.min(k, distinct(points));
        while (clusters.size() < possible) {
            int far = mostDistant(points, clusters);
            if (far < 0) {
                break;
            }
            int name = points.names[far];
            List<Cluster> split = new ArrayList<>();
            int nextId = 0;
            for (Cluster cluster : clusters) {
                nextId = Math.max(nextId, cluster.id + 1);
                int[] kept = Arrays.stream(cluster.members).filter(m -> m != name).toArray();
                Cluster recentred = kept.length == cluster.members.length ? cluster : recentre(points, rowOf, cluster.id, kept);
                if (recentred != null) {
                    split.add(recentred);
                }
            }
            split.add(new Cluster(nextId, new int[] {name}, points.xs[far], points.ys[far]));
            clusters = split;
        }
        return clusters;
    }

    /** One Lloyd step: every point to its closest centre, empty clusters dropped, centres to the weighted means. */
    private static List<Cluster> step(Points points, List<Cluster> clusters) {
        int k = clusters.size();
        int[] counts = new int[k];
        int[] assigned = new int[points.size()];
        double[] sumX = new double[k];
        double[] sumY = new double[k];
        double[] sumW = new double[k];
        for (int r = 0; r < points.size(); r++) {
            int c = closest(clusters, points.xs[r], points.ys[r]);
            assigned[r] = c;
            counts[c]++;
            double w = points.weight(r);
            sumX[c] += w * points.xs[r];
            sumY[c] += w * points.ys[r];
            sumW[c] += w;
        }
        int[][] members = new int[k][];
        for (int c = 0; c < k; c++) {
            members[c] = new int[counts[c]];
            counts[c] = 0;
        }
        for (int r = 0; r < points.size(); r++) {
            int c = assigned[r];
            members[c][counts[c]++] = points.names[r];
        }
        List<Cluster> next = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            if (members[c].length > 0) {
                double w = sumW[c] > 0 ? sumW[c] : members[c].length;
                next.add(new Cluster(clusters.get(c).id, members[c], sumX[c] / w, sumY[c] / w));
            }
        }
        return next;
    }

    static int closest(List<Cluster> clusters, double x, double y) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < clusters.size(); c++) {
            Cluster cluster = clusters.get(c);
            double dx = x - cluster.x;
            double dy = y - cluster.y;
            double d = dx * dx + dy * dy;
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    private static int mostDistant(Points points, List<Cluster> clusters) {
        int far = -1;
        double farthest = 0;
        for (int r = 0; r < points.size(); r++) {
            Cluster nearest = clusters.isEmpty() ? null : clusters.get(closest(clusters, points.xs[r], points.ys[r]));
            double d = nearest == null ? Double.POSITIVE_INFINITY : distance(points.xs[r] - nearest.x, points.ys[r] - nearest.y);
            if (d > farthest) {
                farthest = d;
                far = r;
            }
        }
        return far;
    }

    /** Math.hypot guards against overflow that positions here cannot reach, at many times the cost. */
    private static double distance(double dx, double dy) {
        return Math.sqrt(dx * dx + dy * dy);
    }

    private static boolean same(List<Cluster> before, List<Cluster> after) {
        if (before.size() != after.size()) {
            return false;
        }
        Comparator<Cluster> byCentre = Comparator.comparingDouble(Cluster::x).thenComparingDouble(Cluster::y);
        List<Cluster> a = before.stream().sorted(byCentre).toList();
        List<Cluster> b = after.stream().sorted(byCentre).toList();
        for (int i = 0; i < a.size(); i++) {
            if (distance(a.get(i).x - b.get(i).x, a.get(i).y - b.get(i).y) >= SAME) {
                return false;
            }
        }
        return true;
    }

    private static List<Cluster> mergeIdentical(List<Cluster> clusters) {
        List<Cluster> unique = new ArrayList<>();
        for (Cluster cluster : clusters) {
            int twin = -1;
            for (int i = 0; i < unique.size() && twin < 0; i++) {
                if (unique.get(i).x == cluster.x && unique.get(i).y == cluster.y) {
                    twin = i;
                }
            }
            if (twin < 0) {
                unique.add(cluster);
            } else {
                Cluster other = unique.get(twin);
                int id = other.members.length >= cluster.members.length ? other.id : cluster.id;
                int[] members = Arrays.copyOf(other.members, other.members.length + cluster.members.length);
                System.arraycopy(cluster.members, 0, members, other.members.length, cluster.members.length);
                unique.set(twin, new Cluster(id, members, other.x, other.y));
            }
        }
        return unique;
    }

    private static Cluster recentre(Points points, int[] rowOf, int id, int[] members) {
        if (members.length == 0) {
            return null;
        }
        double x = 0;
        double y = 0;
        double w = 0;
        for (int name : members) {
            int r = rowOf[name];
            double weight = points.weight(r);
            x += weight * points.xs[r];
            y += weight * points.ys[r];
            w += weight;
        }
        return new Cluster(id, members, x / w, y / w);
    }

    private static int[] present(int[] rowOf, int[] members) {
        return Arrays.stream(members).filter(m -> m < rowOf.length && rowOf[m] >= 0).toArray();
    }

    private static int distinct(Points points) {
        Set<Position> seen = new HashSet<>();
        for (int r = 0; r < points.size(); r++) {
            seen.add(new Position(points.xs[r], points.ys[r]));
        }
        return seen.size();
    }

    private record Position(double x, double y) {
    }

    private static int[] rowIndex(Points points) {
        int max = Arrays.stream(points.names).max().orElse(-1);
        int[] rowOf = new int[max + 1];
        Arrays.fill(rowOf, -1);
        for (int r = 0; r < points.size(); r++) {
            rowOf[points.names[r]] = r;
        }
        return rowOf;
    }
}
