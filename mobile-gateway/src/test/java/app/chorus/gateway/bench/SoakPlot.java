package app.chorus.gateway.bench;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The soak's heap after GC (and p99) against time, as a small SVG line chart for docs/. */
final class SoakPlot {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 320;
    private static final int MARGIN = 50;

    private SoakPlot() {
    }

    static String svg(List<SoakBenchmark.Sample> samples, int minutes) {
        double maxHeap = samples.stream().mapToDouble(SoakBenchmark.Sample::heapMb).max().orElse(1) * 1.2;
        double maxP99 = samples.stream().mapToDouble(SoakBenchmark.Sample::p99).max().orElse(1) * 1.2;
        double maxMinute = Math.max(minutes, samples.isEmpty() ? 1 : samples.get(samples.size() - 1).minute());
        String heap = line(samples, maxMinute, maxHeap, true);
        String p99 = line(samples, maxMinute, maxP99, false);
        return String.format(Locale.ROOT, """
            <svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="12">
              <rect width="100%%" height="100%%" fill="white"/>
              <text x="%d" y="20">Soak: heap after full GC (MB, blue, 0-%.0f) and p99 (ms, orange, 0-%.0f) over %.0f minutes</text>
              <line x1="%d" y1="%d" x2="%d" y2="%d" stroke="black"/>
              <line x1="%d" y1="%d" x2="%d" y2="%d" stroke="black"/>
              <polyline fill="none" stroke="#1f77b4" stroke-width="2" points="%s"/>
              <polyline fill="none" stroke="#ff7f0e" stroke-width="1.5" points="%s"/>
              <text x="%d" y="%d">minutes</text>
            </svg>
            """, WIDTH, HEIGHT, MARGIN, maxHeap, maxP99, maxMinute, MARGIN, HEIGHT - MARGIN, WIDTH - MARGIN, HEIGHT - MARGIN,
            MARGIN, MARGIN, MARGIN, HEIGHT - MARGIN, heap, p99, WIDTH / 2, HEIGHT - 15);
    }

    private static String line(List<SoakBenchmark.Sample> samples, double maxMinute, double max, boolean heap) {
        return samples.stream().map(sample -> String.format(Locale.ROOT, "%.1f,%.1f",
                MARGIN + sample.minute() / maxMinute * (WIDTH - 2 * MARGIN),
                HEIGHT - MARGIN - (heap ? sample.heapMb() : sample.p99()) / max * (HEIGHT - 2 * MARGIN)))
            .collect(Collectors.joining(" "));
    }
}
