package app.chorus.directory.internal.seed;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java ... GenerateTrust --schools N --pupils M --out DIR}: writes a synthetic trust as OneRoster CSV
 * (used by {@code ./chorus seed}, which then imports it into the running portal).
 */
public final class GenerateTrust {

    private GenerateTrust() {
    }

    public static void main(String[] args) throws Exception {
        int schools = 5;
        int pupils = 5000;
        Path out = null;
        for (int i = 0; i < args.length - 1; i++) {
            switch (args[i]) {
                case "--schools" -> schools = Integer.parseInt(args[++i]);
                case "--pupils" -> pupils = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> { }
            }
        }
        if (out == null) {
            System.err.println("usage: GenerateTrust --schools N --pupils M --out DIR");
            System.exit(2);
        }
        Files.createDirectories(out);
        long started = System.currentTimeMillis();
        new TrustGenerator(schools, pupils).write(out, message -> System.err.println("[seed] " + message));
        System.err.println("[seed] wrote " + out + " in " + (System.currentTimeMillis() - started) + " ms");
    }
}
