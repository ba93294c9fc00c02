package app.chorus.directory.web;

import app.chorus.directory.AccessPolicy;
import app.chorus.directory.internal.oneroster.ImportReport;
import app.chorus.directory.internal.oneroster.RosterImports;
import app.chorus.edge.ProblemResponses;
import app.chorus.identity.CurrentUser;
import app.chorus.shared.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * OneRoster CSV import for trust administrators: one zip, or the CSV files themselves, as multipart parts.
 * Parts are streamed to a temp folder (never held in memory), validated as a whole, then applied.
 */
@RestController
class RosterImportController {

    private static final Logger log = LoggerFactory.getLogger(RosterImportController.class);

    private final AccessPolicy policy;
    private final RosterImports imports;

    RosterImportController(AccessPolicy policy, RosterImports imports) {
        this.policy = policy;
        this.imports = imports;
    }

    @PostMapping(path = "/api/v1/directory/imports", consumes = "multipart/form-data")
    Mono<ImportReport> importRoster(@AuthenticationPrincipal CurrentUser user,
                                    @RequestParam(defaultValue = "false") boolean dryRun,
                                    @RequestParam(defaultValue = "false") boolean confirmDeletions,
                                    @RequestBody Mono<MultiValueMap<String, Part>> parts) {
        return importRoster(user, new RosterImports.Options(dryRun, confirmDeletions), parts, message -> { });
    }

    private Mono<ImportReport> importRoster(CurrentUser user, RosterImports.Options options, Mono<MultiValueMap<String, Part>> parts,
                                            Consumer<String> progress) {
        return policy.accessOf(user).flatMap(access -> {
            if (!access.canImportRoster()) {
                return Mono.error(Problem.forbidden("roster-import-forbidden",
                    "Only trust administrators import the roster. Ask your trust's administrator to run the import."));
            }
            return Mono.usingWhen(
                Mono.fromCallable(() -> Files.createTempDirectory("chorus-upload-")).subscribeOn(Schedulers.boundedElastic()),
                dir -> parts.flatMap(form -> save(form, dir)).flatMap(upload -> run(upload, dir, options, user, progress)),
                dir -> Mono.fromRunnable(() -> RosterImports.deleteQuietly(dir)).subscribeOn(Schedulers.boundedElastic()));
        });
    }

    /**
     * The same import, answered as a stream of JSON lines: {@code {"progress": "..."}} while it reads and
     * applies, then one {@code {"report": {...}}} or {@code {"problem": {...}}} (the 422 problem's body).
     */
    @PostMapping(path = "/api/v1/directory/imports", consumes = "multipart/form-data", produces = "application/x-ndjson")
    Flux<Map<String, Object>> importRosterWithProgress(@AuthenticationPrincipal CurrentUser user,
                                                       @RequestParam(defaultValue = "false") boolean dryRun,
                                                       @RequestParam(defaultValue = "false") boolean confirmDeletions,
                                                       @RequestBody Mono<MultiValueMap<String, Part>> parts) {
        Sinks.Many<String> progress = Sinks.many().unicast().onBackpressureBuffer();
        Consumer<String> report = message -> {
            synchronized (progress) {
                progress.tryEmitNext(message);
            }
        };
        Mono<Map<String, Object>> outcome = importRoster(user, new RosterImports.Options(dryRun, confirmDeletions), parts, report)
            .<Map<String, Object>>map(done -> Map.of("report", done))
            .onErrorResume(Problem.class, problem -> Mono.just(Map.of("problem", body(problem))))
            .onErrorResume(failure -> !(failure instanceof Problem), failure -> {
                log.error("roster import failed", failure);
                return Mono.just(Map.of("problem", body(new Problem(500, "roster-import-failed", "Internal error",
                    "The import stopped on an unexpected error (" + failure.getClass().getSimpleName()
                        + "); whatever it had validated was not applied. Report it with the api's log."))));
            })
            .doFinally(signal -> {
                synchronized (progress) {
                    progress.tryEmitComplete();
                }
            });
        return progress.asFlux().<Map<String, Object>>map(message -> Map.of("progress", message))
            .mergeWith(outcome.flux());
    }

    private static Map<String, Object> body(Problem problem) {
        return ProblemResponses.asMap(ProblemResponses.problem(problem));
    }

    /** The uploaded zip, or null when the parts were the CSV files themselves. */
    private Mono<Path> save(MultiValueMap<String, Part> form, Path dir) {
        return Flux.fromIterable(form.values()).flatMapIterable(list -> list)
            .ofType(FilePart.class)
            .switchIfEmpty(Mono.error(Problem.badRequest("roster-upload-empty",
                "Send the OneRoster files as multipart file parts: one zip, or manifest.csv, orgs.csv, users.csv ...")))
            .concatMap(part -> {
                String name = RosterImports.fileName(part.filename());
                if (name.isEmpty()) {
                    return Mono.error(Problem.badRequest("roster-upload-unnamed", "A file part has no usable file name ('"
                        + part.filename() + "'). Send each CSV file under its own name (users.csv, orgs.csv ...) or one zip."));
                }
                Path target = dir.resolve(name.toLowerCase(Locale.ROOT).endsWith(".zip") ? "upload.zip" : name);
                // an empty file part may arrive without content: it must still reach validation as a 0-byte file
                return part.transferTo(target).then(Mono.fromCallable(() -> Files.exists(target) ? target : Files.createFile(target))
                    .subscribeOn(Schedulers.boundedElastic()));
            })
            .filter(path -> path.getFileName().toString().equals("upload.zip"))
            .next()
            .defaultIfEmpty(dir);
    }

    private Mono<ImportReport> run(Path upload, Path dir, RosterImports.Options options, CurrentUser user, Consumer<String> progress) {
        log.info("roster import{} by {}", options.dryRun() ? " (dry run)" : options.confirmDeletions() ? " (deletions confirmed)" : "",
            user.username());
        Consumer<String> logged = message -> {
            log.info("roster import: {}", message);
            progress.accept(message);
        };
        return upload.equals(dir) ? imports.importFolder(dir, options, logged) : imports.importZip(upload, options, logged);
    }
}
