package app.chorus.opinions.math;

import app.chorus.opinions.math.KMeans.Cluster;
import app.chorus.opinions.math.KMeans.Points;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Opinion groups over the base clusters (conversation.clj): k-means of the base centres weighted by their sizes for
 * every k from 2 to min(5, 2 + bases / 12), each warm-started from the same k's previous clustering; the best k by
 * silhouette; the number of groups changes only when the same new best k has won {@value #BUFFER} updates in a row.
 */
final class GroupChoice {

    static final int BUFFER = 4;
    private static final int MAX_GROUPS = 5;
    private static final int ITERATIONS = 20;

    private final Map<Integer, List<Cluster>> lastByK = new HashMap<>();
    private int lastBest;
    private int lastBestRuns;
    private int chosen;

    /** Each k's last clustering and the smoothing's counters, for a checkpoint. */
    List<Checkpoint.Clustering> lastByK() {
        return lastByK.entrySet().stream().sorted(Map.Entry.comparingByKey())
            .map(entry -> new Checkpoint.Clustering(entry.getKey(), entry.getValue().stream().map(GroupChoice::saved).toList()))
            .toList();
    }

    int lastBest() {
        return lastBest;
    }

    int lastBestRuns() {
        return lastBestRuns;
    }

    int chosen() {
        return chosen;
    }

    /** Carries on from a checkpoint's clusterings and counters. */
    void restore(Checkpoint checkpoint) {
        lastByK.clear();
        checkpoint.groupsByK().forEach(clustering -> lastByK.put(clustering.k(),
            clustering.clusters().stream().map(GroupChoice::restored).toList()));
        lastBest = checkpoint.lastBest();
        lastBestRuns = checkpoint.lastBestRuns();
        chosen = checkpoint.chosen();
    }

    static Checkpoint.Cluster saved(Cluster cluster) {
        return new Checkpoint.Cluster(cluster.id(), cluster.members().clone(), cluster.x(), cluster.y());
    }

    static Cluster restored(Checkpoint.Cluster cluster) {
        return new Cluster(cluster.id(), cluster.members().clone(), cluster.x(), cluster.y());
    }

    /** Chooses the groups for this update; members of the returned clusters are base cluster ids. */
    List<Cluster> choose(List<Cluster> bases) {
        Points centres = centres(bases);
        if (centres.size() < 2) {
            return List.of();
        }
        int maxK = Math.min(MAX_GROUPS, 2 + bases.size() / 12);
        double[][] distance = distances(centres);
        Map<Integer, List<Cluster>> byK = new HashMap<>();
        int best = 0;
        double bestSilhouette = Double.NEGATIVE_INFINITY;
        for (int k = 2; k <= maxK; k++) {
            List<Cluster> groups = KMeans.cluster(centres, k, lastByK.get(k), ITERATIONS);
            byK.put(k, groups);
            double silhouette = silhouette(distance, rows(centres, groups));
            if (silhouette >= bestSilhouette) {
                bestSilhouette = silhouette;
                best = k;
            }
        }
        lastByK.putAll(byK);
        lastBestRuns = best == lastBest ? lastBestRuns + 1 : 1;
        lastBest = best;
        if (chosen == 0 || lastBestRuns >= BUFFER) {
            chosen = best;
        }
        return byK.getOrDefault(chosen, byK.get(best));
    }

    private static Points centres(List<Cluster> bases) {
        int n = bases.size();
        int[] names = new int[n];
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            Cluster base = bases.get(i);
            names[i] = base.id();
            xs[i] = base.x();
            ys[i] = base.y();
            weights[i] = base.members().length;
        }
        return new Points(names, xs, ys, weights);
    }

    /** Mean silhouette over the base clusters (unweighted); a base alone in its group scores 0. */
    private static double silhouette(double[][] distance, int[][] groups) {
        double total = 0;
        int counted = 0;
        for (int own = 0; own < groups.length; own++) {
            for (int row : groups[own]) {
                total += silhouette(distance, groups, own, row);
                counted++;
            }
        }
        return counted == 0 ? 0 : total / counted;
    }

    private static double silhouette(double[][] distance, int[][] groups, int own, int row) {
        if (groups[own].length == 1) {
            return 0;
        }
        double a = meanDistance(distance[row], groups[own], row);
        double b = Double.POSITIVE_INFINITY;
        for (int other = 0; other < groups.length; other++) {
            if (other != own) {
                b = Math.min(b, meanDistance(distance[row], groups[other], row));
            }
        }
        double larger = Math.max(a, b);
        return Double.isInfinite(b) || larger == 0 ? 0 : (b - a) / larger;
    }

    private static double meanDistance(double[] from, int[] group, int row) {
        double sum = 0;
        int n = 0;
        for (int other : group) {
            if (other != row) {
                sum += from[other];
                n++;
            }
        }
        return sum / n;
    }

    private static double[][] distances(Points centres) {
        int n = centres.size();
        double[][] distance = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = centres.xs()[i] - centres.xs()[j];
                double dy = centres.ys()[i] - centres.ys()[j];
                distance[i][j] = Math.sqrt(dx * dx + dy * dy);
                distance[j][i] = distance[i][j];
            }
        }
        return distance;
    }

    /** The groups' members as rows of {@code centres} rather than base cluster ids. */
    private static int[][] rows(Points centres, List<Cluster> groups) {
        Map<Integer, Integer> rowOf = new HashMap<>();
        for (int r = 0; r < centres.size(); r++) {
            rowOf.put(centres.names()[r], r);
        }
        return groups.stream().map(group -> Arrays.stream(group.members()).map(rowOf::get).toArray()).toArray(int[][]::new);
    }
}
