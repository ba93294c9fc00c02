package app.chorus.directory.internal.oneroster;

import app.chorus.directory.internal.store.Collections;
import app.chorus.directory.internal.store.TrustShapes;
import app.chorus.shared.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * OneRoster CSV import: validate the whole file set, then (unless it is a dry run) apply only the difference.
 * Nothing is written when any problem is found.
 */
@Service
public class RosterImports {

    private static final Logger log = LoggerFactory.getLogger(RosterImports.class);
    static final int MAX_LISTED_PROBLEMS = 500;
    static final int MAX_ZIP_ENTRIES = 100;
    static final long MAX_UNPACKED_BYTES = 4L * 1024 * 1024 * 1024;

    private final ReactiveMongoTemplate mongo;
    private final TrustShapes shapes;
    private final AtomicBoolean running = new AtomicBoolean();

    public RosterImports(ReactiveMongoTemplate mongo, TrustShapes shapes) {
        this.mongo = mongo;
        this.shapes = shapes;
    }

    /** Imports a folder holding manifest.csv and the OneRoster files. */
    public Mono<ImportReport> importFolder(Path dir, boolean dryRun, Consumer<String> progress) {
        return Mono.defer(() -> {
            if (!running.compareAndSet(false, true)) {
                return Mono.error(Problem.conflict("roster-import-running",
                    "Another roster import is running on this server. Wait for it to finish and try again."));
            }
            long started = System.currentTimeMillis();
            return Mono.fromCallable(() -> validate(dir, progress))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(read -> apply(read, dryRun, progress, started))
                .doFinally(signal -> running.set(false));
        });
    }

    /** Imports a zip of the OneRoster files (unpacked to a temp folder, deleted afterwards). */
    public Mono<ImportReport> importZip(Path zip, boolean dryRun, Consumer<String> progress) {
        return Mono.usingWhen(Mono.fromCallable(() -> unzip(zip)).subscribeOn(Schedulers.boundedElastic()),
            dir -> importFolder(dir, dryRun, progress),
            dir -> Mono.fromRunnable(() -> deleteQuietly(dir)).subscribeOn(Schedulers.boundedElastic()));
    }

    private RosterReader.Result validate(Path dir, Consumer<String> progress) {
        progress.accept("validating " + dir.getFileName());
        RosterReader.Result read = new RosterReader(dir, rows -> progress.accept("read " + rows + " rows")).read();
        if (!read.problems().isEmpty()) {
            throw invalid(read.problems());
        }
        progress.accept("valid: " + read.roster().users.size() + " users, " + read.roster().classes.size() + " classes, "
            + read.roster().enrollments.size() + " enrollments");
        return read;
    }

    static Problem invalid(List<RosterProblem> problems) {
        RosterProblem first = problems.get(0);
        String detail = problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in the roster file set; nothing was imported. "
            + "First: " + first + ". Fix them in the MIS export and import again.";
        return Problem.unprocessable("roster-invalid", detail)
            .with("problemCount", problems.size())
            .with("problems", problems.subList(0, Math.min(problems.size(), MAX_LISTED_PROBLEMS)));
    }

    private Mono<ImportReport> apply(RosterReader.Result read, boolean dryRun, Consumer<String> progress, long started) {
        RosterDocuments documents = new RosterDocuments(read.roster());
        List<ImportReport.Change> samples = new ArrayList<>();
        RosterApplier applier = new RosterApplier(mongo, dryRun, samples);
        Map<String, ImportReport.Counts> changes = new LinkedHashMap<>();
        long rows = read.roster().orgs.size() + read.roster().sessions.size() + read.roster().users.size()
            + read.roster().classes.size() + read.roster().roles.size() + read.roster().enrollments.size();
        return step(changes, "orgs", applier.apply("orgs", Collections.ORGS, documents.orgs()), progress)
            .then(step(changes, "sessions", applier.apply("sessions", Collections.SESSIONS, documents.sessions()), progress))
            .then(step(changes, "classes", applier.apply("classes", Collections.CLASSES, documents.classes()), progress))
            .then(step(changes, "people", applier.apply("people", Collections.PEOPLE, documents.people()), progress))
            .then(Mono.defer(() -> {
                ImportReport report = new ImportReport(dryRun, rows, changes, samples, System.currentTimeMillis() - started);
                Mono<Void> bump = dryRun || report.noChange() ? Mono.empty() : shapes.changed();
                return bump.thenReturn(report);
            }))
            .doOnNext(report -> log.info("roster import {}: {} in {} ms", dryRun ? "(dry run)" : "applied", report.changes(), report.millis()));
    }

    private static Mono<Void> step(Map<String, ImportReport.Counts> changes, String kind, Mono<ImportReport.Counts> counts,
                                   Consumer<String> progress) {
        return Mono.defer(() -> {
            progress.accept("applying " + kind);
            return counts.doOnNext(c -> {
                changes.put(kind, c);
                progress.accept(kind + ": " + c.created() + " created, " + c.updated() + " updated, " + c.deleted()
                    + " deleted, " + c.unchanged() + " unchanged");
            }).then();
        });
    }

    static Path unzip(Path zip) throws IOException {
        Path dir = Files.createTempDirectory("chorus-roster-");
        boolean any = false;
        int count = 0;
        long unpacked = 0;
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = entries.getNextEntry()) != null) {
                String name = Path.of(entry.getName()).getFileName().toString();
                if (entry.isDirectory() || !name.endsWith(".csv") || name.startsWith(".")) {
                    continue;
                }
                if (++count > MAX_ZIP_ENTRIES) {
                    throw tooLarge(dir, "more than " + MAX_ZIP_ENTRIES + " CSV files");
                }
                Files.copy(entries, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                unpacked += Files.size(dir.resolve(name));
                if (unpacked > MAX_UNPACKED_BYTES) {
                    throw tooLarge(dir, "more than " + MAX_UNPACKED_BYTES / (1024 * 1024) + " MB once unpacked");
                }
                any = true;
            }
        } catch (java.util.zip.ZipException e) {
            deleteQuietly(dir);
            throw Problem.unprocessable("roster-invalid", "The upload is not a readable zip file: " + e.getMessage()
                + ". Zip the OneRoster CSV files (manifest.csv, orgs.csv, users.csv...) and upload again.");
        }
        if (!any) {
            deleteQuietly(dir);
            throw invalid(List.of(new RosterProblem("manifest.csv", 0, null, "the zip holds no CSV files",
                "zip the OneRoster CSV files themselves (manifest.csv, orgs.csv, users.csv...)")));
        }
        return dir;
    }

    private static Problem tooLarge(Path dir, String what) {
        deleteQuietly(dir);
        return Problem.unprocessable("roster-too-large", "The zip holds " + what
            + ": a OneRoster export is a handful of CSV files. Zip only the export's CSV files and upload again.");
    }

    /** Removes a temp folder of roster files. */
    public static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("could not delete {}: {}", dir, e.getMessage());
        }
    }
}
