package app.chorus.directory.internal.inbox;

import app.chorus.directory.internal.oneroster.ImportReport;
import app.chorus.directory.internal.oneroster.RosterImports;
import app.chorus.directory.RosterImportFailed;
import app.chorus.platform.DomainEvents;
import app.chorus.platform.Repeating;
import app.chorus.shared.Problem;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Scheduled imports: the file sets a trust's rostering service drops into {@code chorus.roster.inbox.folder} are
 * imported one at a time in arrival order, each claimed by one api instance, and moved to {@code imported/} or
 * {@code failed/} with their report kept in the store. An import that would delete more than the set share of a
 * school's people is refused here as on upload: a data manager confirms it with {@code ./chorus import}. A failed set
 * is announced as {@link RosterImportFailed}, which notifications pushes to the roster administrators.
 */
@Component
class RosterInbox {

    private static final Logger log = LoggerFactory.getLogger(RosterInbox.class);

    private final RosterInboxProperties properties;
    private final RosterImports imports;
    private final InboxRecords records;
    private final DomainEvents events;
    private final Clock clock;
    private final String holder = "inbox-" + UUID.randomUUID();
    private Disposable timer;

    RosterInbox(RosterInboxProperties properties, RosterImports imports, InboxRecords records, DomainEvents events,
                ObjectProvider<Clock> clock) {
        this.properties = properties;
        this.events = events;
        this.imports = imports;
        this.records = records;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (properties.folder() != null) {
            log.info("Roster inbox: importing the file sets that arrive in {} (looked at every {})", properties.folder(),
                properties.pollInterval());
            timer = Repeating.every(properties.pollInterval(), "Roster inbox", log, this::importWaiting);
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        if (timer != null) {
            timer.dispose();
        }
    }

    /** Imports every complete file set waiting, oldest first; completes with how many this instance handled. */
    Mono<Long> importWaiting() {
        return Mono.fromCallable(() -> Arrival.waitingIn(properties.folder(), clock.instant().minus(properties.settle())))
            .subscribeOn(Schedulers.boundedElastic())
            .flatMapMany(Flux::fromIterable)
            .concatMap(this::handle)
            .count();
    }

    private Mono<Boolean> handle(Arrival arrival) {
        Instant now = clock.instant();
        return records.stateOf(arrival).defaultIfEmpty(InboxRecords.RUNNING).flatMap(state -> switch (state) {
            case InboxRecords.IMPORTED -> move(arrival, Arrival.DONE);
            case InboxRecords.FAILED -> move(arrival, Arrival.FAILED);
            default -> records.claim(arrival, holder, now, properties.lease())
                .flatMap(claimed -> claimed ? run(arrival) : Mono.just(false));
        });
    }

    private Mono<Boolean> run(Arrival arrival) {
        log.info("Roster inbox: importing {}", arrival.path().getFileName());
        RosterImports.Options options = new RosterImports.Options(false, false);
        Mono<ImportReport> report = arrival.zip() ? imports.importZip(arrival.path(), options, message -> { })
            : imports.importFolder(arrival.path(), options, message -> { });
        return report
            .flatMap(done -> records.imported(arrival, holder, done, clock.instant()).then(move(arrival, Arrival.DONE)))
            .onErrorResume(Problem.class, problem -> problem.kind().equals("roster-import-running")
                ? records.release(arrival, holder).thenReturn(false)
                : failed(arrival, problem))
            .onErrorResume(failure -> !(failure instanceof Problem), failure -> failed(arrival,
                new Problem(500, "roster-import-failed", "The import stopped on an unexpected error",
                    failure.getClass().getSimpleName() + ": nothing was applied. Report it with the api's log.")));
    }

    /** Keeps the problem, tells the roster administrators (once per arrival: the push id is the arrival's), moves the set. */
    private Mono<Boolean> failed(Arrival arrival, Problem problem) {
        log.warn("Roster inbox: {} was not imported: {}", arrival.path().getFileName(), problem.getMessage());
        Instant now = clock.instant();
        RosterImportFailed failure = new RosterImportFailed(arrival.id(), arrival.path().getFileName().toString(),
            problem.getMessage(), now);
        return records.failed(arrival, holder, problem, now)
            .then(events.publish(failure).onErrorResume(error -> {
                log.warn("Roster inbox: could not tell the roster administrators that {} failed", failure.fileSet(), error);
                return Mono.empty();
            }))
            .then(move(arrival, Arrival.FAILED));
    }

    private Mono<Boolean> move(Arrival arrival, String outcome) {
        return Mono.fromCallable(() -> {
            arrival.moveTo(outcome);
            return true;
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
