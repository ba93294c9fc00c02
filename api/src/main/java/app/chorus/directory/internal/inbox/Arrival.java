package app.chorus.directory.internal.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** A file set waiting in the inbox: a folder with manifest.csv, or a zip; its id names it and its arrival time. */
record Arrival(Path path, Instant modified) {

    static final String DONE = "imported";
    static final String FAILED = "failed";

    String id() {
        return path.getFileName() + "@" + modified.toEpochMilli();
    }

    boolean zip() {
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    /** The complete file sets in the folder, oldest first: untouched since {@code settledBefore}. */
    static List<Arrival> waitingIn(Path folder, Instant settledBefore) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Arrival::isFileSet)
                .map(path -> new Arrival(path, lastChange(path)))
                .filter(arrival -> arrival.modified().isBefore(settledBefore))
                .sorted(Comparator.comparing(Arrival::modified).thenComparing(arrival -> arrival.path().getFileName().toString()))
                .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the roster inbox " + folder, e);
        }
    }

    /** Moves the file set to imported/ or failed/ beside it, so the folder shows what is still to come. */
    void moveTo(String outcome) {
        try {
            Path target = path.resolveSibling(outcome);
            Files.createDirectories(target);
            Files.move(path, target.resolve(modified.toEpochMilli() + "-" + path.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + path + " to " + outcome + "/", e);
        }
    }

    private static boolean isFileSet(Path path) {
        String name = path.getFileName().toString();
        if (name.equals(DONE) || name.equals(FAILED) || name.startsWith(".")) {
            return false;
        }
        return Files.isDirectory(path) ? Files.isRegularFile(path.resolve("manifest.csv"))
            : name.toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    /** The newest change to the file set or any file in it. */
    private static Instant lastChange(Path path) {
        try (Stream<Path> files = Files.walk(path, 1)) {
            return files.map(file -> {
                try {
                    return Files.getLastModifiedTime(file).toInstant();
                } catch (IOException e) {
                    return Instant.now();
                }
            }).max(Comparator.naturalOrder()).orElse(Instant.now());
        } catch (IOException e) {
            return Instant.now();
        }
    }
}
