package app.chorus.directory.internal.oneroster;

import app.chorus.directory.RosterImported;
import app.chorus.directory.internal.store.Collections;
import app.chorus.directory.internal.store.Leavers;
import app.chorus.directory.internal.store.TrustShapes;
import app.chorus.platform.DomainEvents;
import app.chorus.shared.Problem;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
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
    /** An import may delete at most this share of a school's people without confirmDeletions=true. */
    public static final int CONFIRM_SHARE_PERCENT = 10;

    private final ReactiveMongoTemplate mongo;
    private final TrustShapes shapes;
    private final RosterSources sources;
    /** The running import's claim: released before its report reaches the caller, so the caller may import again at once. */
    private final AtomicReference<Object> running = new AtomicReference<>();
    private final DomainEvents events;
    private final Leavers leavers;

    /** How to import: {@code confirmDeletions} lets an import delete more than the set share of a school's people. */
    public record Options(boolean dryRun, boolean confirmDeletions) {
    }

    /** A validated file set, its source, the trust's roster with it in place of the source's last set, and its scope. */
    private record Plan(Roster set, String sourceId, List<String> replaced, Roster merged, RosterDocuments.Scope scope,
                        RosterDocuments.Holders holders, Map<String, org.bson.Document> people, Set<String> schools,
                        List<ImportReport.Outdated> outdated) {
    }

    public RosterImports(ReactiveMongoTemplate mongo, TrustShapes shapes, DomainEvents events) {
        this(mongo, shapes, events, new Leavers(mongo, Clock.systemUTC()));
    }

    @Autowired
    public RosterImports(ReactiveMongoTemplate mongo, TrustShapes shapes, DomainEvents events, Leavers leavers) {
        this.mongo = mongo;
        this.shapes = shapes;
        this.sources = new RosterSources(mongo);
        this.events = events;
        this.leavers = leavers;
    }

    /** Imports a folder holding manifest.csv and the OneRoster files. */
    public Mono<ImportReport> importFolder(Path dir, boolean dryRun, Consumer<String> progress) {
        return importFolder(dir, new Options(dryRun, false), progress);
    }

    public Mono<ImportReport> importFolder(Path dir, Options options, Consumer<String> progress) {
        return Mono.defer(() -> {
            Object claim = new Object();
            if (!running.compareAndSet(null, claim)) {
                return Mono.error(Problem.conflict("roster-import-running",
                    "Another roster import is running on this server. Wait for it to finish and try again."));
            }
            long started = System.currentTimeMillis();
            return read(dir, new Roster(), progress)
                .flatMap(read -> read.delta() ? onStoredRows(dir, read.roster(), progress) : Mono.just(read))
                .map(read -> valid(read, progress))
                .flatMap(read -> plan(read.roster(), read.outdated(), progress))
                .flatMap(plan -> largeDeletions(plan).flatMap(large -> {
                    if (!large.isEmpty() && !options.dryRun() && !options.confirmDeletions()) {
                        return Mono.error(unconfirmed(large));
                    }
                    return apply(plan, large, options.dryRun(), progress, started);
                }))
                .doOnNext(report -> running.compareAndSet(claim, null))
                .doFinally(signal -> running.compareAndSet(claim, null));
        });
    }

    /** Imports a zip of the OneRoster files (unpacked to a temp folder, deleted afterwards). */
    public Mono<ImportReport> importZip(Path zip, Options options, Consumer<String> progress) {
        return Mono.usingWhen(Mono.fromCallable(() -> unzip(zip)).subscribeOn(Schedulers.boundedElastic()),
            dir -> importFolder(dir, options, progress),
            dir -> Mono.fromRunnable(() -> deleteQuietly(dir)).subscribeOn(Schedulers.boundedElastic()));
    }

    private static Mono<RosterReader.Result> read(Path dir, Roster stored, Consumer<String> progress) {
        return Mono.fromCallable(() -> {
            progress.accept("validating " + dir.getFileName());
            return new RosterReader(dir, rows -> progress.accept("read " + rows + " rows"), stored).read();
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Reads a set with delta files again on top of the stored rows of the file set that holds its schools (named in
     * its orgs.csv), so that its rows change those and its references may point at them.
     */
    private Mono<RosterReader.Result> onStoredRows(Path dir, Roster delta, Consumer<String> progress) {
        Set<String> schools = delta.schools();
        if (schools.isEmpty()) {
            return Mono.error(invalid(List.of(new RosterProblem("orgs.csv", 0, null,
                "a file set with delta files must say which schools it changes: its orgs.csv holds no school",
                "add orgs.csv with the rows of the school(s) the delta is for (unchanged rows are fine) and list it in manifest.csv"))));
        }
        Roster stored = new Roster();
        return sources.about(RosterSources.idOf(delta), schools).filter(source -> source.schools().stream().anyMatch(schools::contains))
            .concatMap(source -> sources.load(source, stored))
            .then(Mono.defer(() -> {
                progress.accept("applying the delta to the stored rows of " + String.join(", ", schools));
                return read(dir, stored, progress);
            }));
    }

    private static RosterReader.Result valid(RosterReader.Result read, Consumer<String> progress) {
        if (!read.problems().isEmpty()) {
            throw invalid(read.problems());
        }
        progress.accept("valid: " + read.roster().users.size() + " users, " + read.roster().classes.size() + " classes, "
            + read.roster().enrollments.size() + " enrollments");
        read.outdated().forEach(row -> progress.accept("skipped " + row));
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

    /**
     * Finds the earlier file sets this one replaces (those whose schools it all holds) and refuses it when it holds only
     * some of another set's schools; then merges it with what the other sets hold about its people. Only the sets
     * that share a school with it are read here (ADR 0337).
     */
    private Mono<Plan> plan(Roster set, List<ImportReport.Outdated> outdated, Consumer<String> progress) {
        String sourceId = RosterSources.idOf(set);
        Set<String> schools = set.schools();
        return sources.about(sourceId, schools).collectList().flatMap(all -> {
            List<RosterProblem> claimed = new ArrayList<>();
            List<String> replaced = new ArrayList<>();
            for (RosterSources.Source other : all) {
                if (other.id().equals(sourceId) || other.schools().stream().anyMatch(schools::contains)) {
                    List<String> missing = other.schools().stream().filter(school -> !schools.contains(school)).toList();
                    if (missing.isEmpty()) {
                        replaced.add(other.id());
                    } else {
                        other.schools().stream().filter(schools::contains).forEach(school -> claimed.add(claim(set, school, missing)));
                    }
                }
            }
            if (!claimed.isEmpty()) {
                return Mono.error(invalid(claimed));
            }
            Set<String> notOthers = new HashSet<>(replaced);
            notOthers.add(sourceId);
            progress.accept("merging with what the other file sets hold about its people");
            Roster previous = new Roster();
            return Flux.fromIterable(all).filter(source -> replaced.contains(source.id()))
                .concatMap(source -> sources.load(source, previous))
                .then(Mono.defer(() -> elsewhere(set, RosterDocuments.Scope.of(set, previous), notOthers)))
                .flatMap(elsewhere -> Mono.fromCallable(() -> {
                    Roster merged = new Roster();
                    merged.add(elsewhere.roster());
                    merged.add(set);
                    Set<String> heldLive = set.users.values().stream().filter(user -> !user.deleted()).map(Roster.User::id)
                        .collect(Collectors.toSet());
                    RosterDocuments.Holders holders = new RosterDocuments.Holders(sourceId, heldLive, elsewhere.sources(), elsewhere.kinds());
                    return new Plan(set, sourceId, replaced, merged, RosterDocuments.Scope.of(set, previous), holders, elsewhere.people(),
                        schools, outdated);
                }).subscribeOn(Schedulers.boundedElastic()));
        });
    }

    /**
     * What the other file sets hold about the set's people: from the directory's stored documents of those people
     * (ADR 0385); the people whose documents cannot say (stored before ADR 0385, staff held elsewhere) from the other
     * sets' rows (ADR 0250). Nothing is read when no other set is stored (the first import, a whole trust's set again).
     */
    private Mono<StoredNeighbours.Elsewhere> elsewhere(Roster set, RosterDocuments.Scope scope, Set<String> notOthers) {
        StoredNeighbours.Elsewhere none = new StoredNeighbours.Elsewhere(new Roster(), Map.of(), Map.of(), null);
        Set<String> named = set.users.values().stream().flatMap(user -> user.agentIds().stream())
            .filter(id -> !scope.people().contains(id)).collect(Collectors.toSet());
        return sources.anyBut(notOthers).flatMap(others -> {
            if (!others) {
                return Mono.just(none);
            }
            StoredNeighbours stored = new StoredNeighbours(mongo, notOthers, scope);
            return stored.of(named).doOnNext(found -> {
                    if (!stored.fromRows().isEmpty()) {
                        log.info("roster import: {} people merged from the other file sets' rows (staff held elsewhere, or stored before ADR 0385), among them {}",
                            stored.fromRows().size(), stored.fromRows().stream().sorted().limit(3).toList());
                    }
                })
                .flatMap(found -> stored.fromRows().isEmpty() ? Mono.just(found)
                : fromRows(set, stored.fromRows(), notOthers).map(rows -> {
                    Roster both = new Roster();
                    both.add(rows.roster());
                    both.add(found.roster());
                    Map<String, Set<String>> holders = new HashMap<>(found.sources());
                    rows.sources().forEach((id, held) -> holders.merge(id, held, (a, b) -> {
                        Set<String> union = new HashSet<>(a);
                        union.addAll(b);
                        return union;
                    }));
                    return new StoredNeighbours.Elsewhere(both, holders, found.kinds(), found.people());
                }));
        });
    }

    private Mono<StoredNeighbours.Elsewhere> fromRows(Roster set, Set<String> people, Set<String> notOthers) {
        Set<String> held = new HashSet<>(set.orgs.keySet());
        held.addAll(set.classes.keySet());
        return new RosterNeighbours(mongo, sources, notOthers).of(people, held).map(bySource -> {
            Roster rows = new Roster();
            Map<String, Set<String>> holders = new HashMap<>();
            bySource.forEach((source, roster) -> {
                rows.add(roster);
                roster.users.values().stream().filter(user -> !user.deleted())
                    .forEach(user -> holders.computeIfAbsent(user.id(), id -> new HashSet<>()).add(source));
            });
            return new StoredNeighbours.Elsewhere(rows, holders, Map.of(), null);
        });
    }

    private static RosterProblem claim(Roster set, String school, List<String> missing) {
        return new RosterProblem("orgs.csv", set.orgLines.getOrDefault(school, 0L), "sourcedId",
            "the school '" + school + "' was imported from another file set, together with " + String.join(", ", missing)
                + ", which this file set does not hold: importing it would take '" + school + "' away from that set",
            "import '" + school + "' with the file set it came from; to move it to this one, first import that set with '"
                + school + "' marked tobedeleted (or hold all of " + String.join(", ", missing) + " in this one)");
    }

    /** The schools of the file set that would lose more than the set share of their people. */
    private Mono<List<ImportReport.LargeDeletion>> largeDeletions(Plan plan) {
        Map<String, long[]> bySchool = new HashMap<>();
        // only the file set's schools' people (index on schoolIds), not the whole trust's
        return mongo.getCollection(Collections.PEOPLE)
            .flatMapMany(people -> Flux.from(people.find(Filters.in("schoolIds", plan.schools()))
                .projection(Projections.include("schoolIds")).batchSize(5_000)))
            .filter(person -> plan.scope().people().contains(person.getString("_id")))
            .doOnNext(person -> {
                Roster.User user = plan.merged().users.get(person.getString("_id"));
                boolean deleted = user == null || user.deleted();
                for (String school : person.getList("schoolIds", String.class, List.of())) {
                    if (plan.schools().contains(school)) {
                        long[] counts = bySchool.computeIfAbsent(school, k -> new long[2]);
                        counts[0]++;
                        counts[1] += deleted ? 1 : 0;
                    }
                }
            })
            .then(Mono.fromSupplier(() -> bySchool.entrySet().stream()
                .filter(e -> e.getValue()[1] * 100 > e.getValue()[0] * CONFIRM_SHARE_PERCENT)
                .map(e -> new ImportReport.LargeDeletion(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(java.util.Comparator.comparing(ImportReport.LargeDeletion::schoolId))
                .toList()));
    }

    private static Problem unconfirmed(List<ImportReport.LargeDeletion> large) {
        return Problem.unprocessable("roster-deletions-unconfirmed", "This file set would delete more than "
                + CONFIRM_SHARE_PERCENT + "% of a school's people (" + large.stream().map(Object::toString).collect(Collectors.joining("; "))
                + "); nothing was imported. An empty or cut-short users.csv does this: check the export is complete. If the "
                + "deletions are meant, import again with confirmDeletions=true (./chorus import ... --confirm-deletions).")
            .with("largeDeletions", large);
    }

    private Mono<ImportReport> apply(Plan plan, List<ImportReport.LargeDeletion> large, boolean dryRun, Consumer<String> progress,
                                     long started) {
        Roster set = plan.set();
        RosterDocuments documents = new RosterDocuments(plan.merged(), plan.scope(), plan.holders());
        List<ImportReport.Change> samples = new ArrayList<>();
        SchoolTally tally = new SchoolTally(plan.schools());
        String importId = UUID.randomUUID().toString();
        RosterApplier applier = new RosterApplier(mongo, dryRun, samples, tally, leavers, importId);
        Map<String, ImportReport.Counts> changes = new LinkedHashMap<>();
        long rows = set.orgs.size() + set.sessions.size() + set.users.size() + set.classes.size() + set.roles.size() + set.enrollments.size();
        RosterDocuments.Scope scope = plan.scope();
        Mono<String> saved = dryRun ? Mono.just("") : sources.save(plan.sourceId(), set);
        return saved.flatMap(generation -> step(changes, "orgs", applier.apply("orgs", Collections.ORGS, documents.orgs(), scope.orgs()), progress)
            .then(step(changes, "sessions", applier.apply("sessions", Collections.SESSIONS, documents.sessions(), scope.sessions()), progress))
            .then(step(changes, "classes", applier.apply("classes", Collections.CLASSES, documents.classes(), scope.classes()), progress))
            .then(step(changes, "people", applier.apply("people", Collections.PEOPLE, documents.people(), scope.people(), plan.people()), progress))
            .then(dryRun ? Mono.empty() : own(plan, generation))
            .then(Mono.defer(() -> {
                ImportReport report = new ImportReport(dryRun, rows, changes, tally.bySchool(), large, samples, plan.outdated(),
                    System.currentTimeMillis() - started);
                Mono<Void> bump = dryRun || report.noChange() ? Mono.empty()
                    : shapes.changed().then(Mono.defer(() -> events.publish(imported(importId, plan, report))));
                return bump.thenReturn(report);
            })))
            .doOnNext(report -> log.info("roster import {}: {} in {} ms", dryRun ? "(dry run)" : "applied", report.changes(), report.millis()));
    }

    /** What the import changed, bounded whatever the trust's size: its schools and counts, not the people (ADR 0370). */
    private static RosterImported imported(String importId, Plan plan, ImportReport report) {
        ImportReport.Counts people = report.changes().getOrDefault("people", new ImportReport.Counts(0, 0, 0, 0));
        return new RosterImported(importId, List.copyOf(plan.schools()), report.changesInWords(), Instant.now(),
            people.created() + people.updated(), people.deleted());
    }

    /**
     * The set's source now owns its live schools (and is forgotten when it has none left); the sets it replaced are
     * forgotten.
     */
    private Mono<Void> own(Plan plan, String generation) {
        List<String> live = plan.set().orgs.values().stream()
            .filter(org -> org.type().equals("school") && !org.deleted()).map(Roster.Org::id).sorted().toList();
        Mono<Void> current = live.isEmpty() ? sources.remove(plan.sourceId()) : sources.commit(plan.sourceId(), live, generation);
        return current.then(Flux.fromIterable(plan.replaced()).filter(id -> !id.equals(plan.sourceId())).concatMap(sources::remove).then());
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
                String name = fileName(entry.getName());
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
        } catch (IOException e) {
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

    /**
     * The last part of an uploaded file's name, safe to create in a temp folder: no folders, no characters a file
     * system refuses; empty when nothing usable is left.
     */
    public static String fileName(String uploaded) {
        String name = uploaded == null ? "" : uploaded.substring(Math.max(uploaded.lastIndexOf('/'), uploaded.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\x00-\\x1F:*?\"<>|]", "_");
        return name.equals(".") || name.equals("..") ? "" : name;
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
