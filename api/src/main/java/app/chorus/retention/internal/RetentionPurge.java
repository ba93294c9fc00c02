package app.chorus.retention.internal;

import app.chorus.platform.DomainEvents;
import app.chorus.platform.Repeating;
import app.chorus.retention.ExpiringData;
import app.chorus.retention.RetainedData;
import app.chorus.shared.ActRecorded;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Enforces the schedule: a run fixes, per kind, the moment before which data has expired, then has each module purge
 * its kind, counting every batch on the run's document and logging progress. A run that stops half way (a crash, a
 * restart) is resumed by the next one from the first kind not done; the modules' purges repeat safely. Each finished
 * run is recorded once in the audit.
 */
@Component
class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final Schedules schedules;
    private final PurgeRuns runs;
    private final ObjectProvider<ExpiringData> purgers;
    private final DomainEvents events;
    private final Clock clock;
    private final Duration every;
    private final Duration lease;
    private Disposable timer;

    RetentionPurge(Schedules schedules, PurgeRuns runs, ObjectProvider<ExpiringData> purgers, DomainEvents events,
                   ObjectProvider<Clock> clock, @Value("${chorus.retention.purge-interval:6h}") Duration every,
                   @Value("${chorus.retention.lease:15m}") Duration lease) {
        this.schedules = schedules;
        this.runs = runs;
        this.purgers = purgers;
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.every = every;
        this.lease = lease;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        timer = Repeating.every(every, "Retention purge", log, () -> run(null));
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        if (timer != null) {
            timer.dispose();
        }
    }

    /** The kinds some module purges. */
    List<ExpiringData> purgers() {
        return purgers.orderedStream().sorted(Comparator.comparing(ExpiringData::kind)).toList();
    }

    /** Resumes the unfinished run or starts one; empty when another instance holds the unfinished run. */
    Mono<PurgeReport> run(String startedBy) {
        Instant now = clock.instant();
        return runs.unfinished().switchIfEmpty(Mono.defer(() -> schedules.current()
                .flatMap(schedule -> runs.start(UUID.randomUUID().toString(), cutoffs(schedule, now), startedBy, now))))
            .flatMap(run -> runs.claim(run.getString("_id"), now, lease)
                .flatMap(claimed -> claimed ? work(run) : Mono.empty()));
    }

    private Map<String, Instant> cutoffs(Schedules.Schedule schedule, Instant now) {
        Map<String, Instant> cutoffs = new LinkedHashMap<>();
        purgers().forEach(purger -> cutoffs.put(purger.kind().field(),
            SchedulePeriods.expiredBefore(now, schedule.periods().get(purger.kind()))));
        return cutoffs;
    }

    private Mono<PurgeReport> work(Document run) {
        String id = run.getString("_id");
        List<?> done = run.getList(PurgeRuns.DONE, String.class);
        Document cutoffs = run.get(PurgeRuns.CUTOFFS, Document.class);
        log.info("Retention purge {}: {} ({} of {} kinds done before)", id, done.isEmpty() ? "starting" : "resuming",
            done.size(), cutoffs.size());
        return Flux.fromIterable(purgers())
            .filter(purger -> cutoffs.containsKey(purger.kind().field()) && !done.contains(purger.kind().field()))
            .concatMap(purger -> purgeKind(id, purger, cutoffs.getDate(purger.kind().field()).toInstant()))
            .then(runs.find(id))
            .map(PurgeReport::of)
            .flatMap(report -> events.publish(new ActRecorded("retention-purge:" + id, "retention-purged", null,
                run.getString("startedBy"), "retention", report.summary(), report.startedAt())))
            .then(Mono.defer(() -> runs.finish(id, clock.instant())))
            .map(PurgeReport::of)
            .doOnNext(report -> log.info("Retention purge {}: finished, {}", id, report.summary()));
    }

    private Mono<Void> purgeKind(String id, ExpiringData purger, Instant expiredBefore) {
        String kind = purger.kind().field();
        long[] total = {0};
        return purger.purge(expiredBefore, id)
            .concatMap(items -> runs.counted(id, kind, items).doOnSuccess(ignored -> {
                total[0] += items;
                log.info("Retention purge {}: {} {} purged so far (expired before {})", id, kind, total[0],
                    expiredBefore);
            }))
            .then(runs.kindDone(id, kind));
    }

    /** Whether some module purges this kind. */
    boolean enforced(RetainedData kind) {
        return purgers().stream().anyMatch(purger -> purger.kind() == kind);
    }
}
