package app.chorus.notifications.internal.fanout;

import app.chorus.notifications.PushMessage;
import app.chorus.notifications.internal.PushProperties;
import app.chorus.notifications.internal.devices.Recipients;
import app.chorus.notifications.internal.push.DailyDigests;
import app.chorus.notifications.internal.push.SendOutcome;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The fan-out engine of one instance: {@code workers} threads, each claiming a due batch under a lease,
 * sending it in one call, and recording the outcome atomically on the batch. Planning of new or orphaned
 * fan-outs is picked up by the same loop. Several instances share the work through the leases.
 */
@Component("notificationsFanOutWorkers")
public class FanOutWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FanOutWorkers.class);
    /** Idle workers other than the watcher look in the store this many poll intervals apart. */
    private static final int IDLE_SIBLING_FACTOR = 20;

    private final String owner = "instance-" + UUID.randomUUID();
    private final AtomicLong claims = new AtomicLong();
    private final Batches batches;
    private final FanOuts fanOuts;
    private final FanOutPlanner planner;
    private final Recipients recipients;
    private final DailyDigests digests;
    private final DeliveredReceipts receipts;
    private final Map<String, DeliveryChannel> channels = new ConcurrentHashMap<>();
    /** The jobs' messages and expiries, read once per fan-out (the few that run at a time, kept while they are busy). */
    private final Cache<String, Job> jobs = Caffeine.newBuilder().maximumSize(1_000)
        .expireAfterAccess(Duration.ofHours(1)).build();
    private final PushProperties properties;
    private final RetrySchedule schedule;
    private final WorkSignal signal;
    private final PlannedHere plannedHere;
    private final Clock clock;
    private final List<Thread> threads = new ArrayList<>();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fanout-lease-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running;
    private ScheduledFuture<?> releasing;

    FanOutWorkers(Batches batches, FanOuts fanOuts, FanOutPlanner planner, Recipients recipients, DailyDigests digests,
                  DeliveredReceipts receipts, List<DeliveryChannel> channels, PushProperties properties, RetrySchedule schedule,
                  WorkSignal signal, PlannedHere plannedHere, ObjectProvider<Clock> clock) {
        this.schedule = schedule;
        this.batches = batches;
        this.fanOuts = fanOuts;
        this.planner = planner;
        this.recipients = recipients;
        this.digests = digests;
        this.receipts = receipts;
        channels.forEach(channel -> this.channels.put(channel.name(), channel));
        this.properties = properties;
        this.signal = signal;
        this.plannedHere = plannedHere;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public void start() {
        batches.createIndexes().then(recipients.createIndexes()).then(digests.createIndexes()).block(Duration.ofSeconds(30));
        running = true;
        for (int i = 0; i < properties.workers(); i++) {
            boolean watcher = i == 0;
            Thread thread = new Thread(() -> sendLoop(watcher), "fanout-worker-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        long every = properties.pollInterval().toMillis() * 4;
        releasing = heartbeats.scheduleWithFixedDelay(this::releaseDue, every, every, TimeUnit.MILLISECONDS);
        Thread planning = new Thread(this::planLoop, "fanout-planner");
        planning.setDaemon(true);
        threads.add(planning);
        planning.start();
    }

    @Override
    public void stop() {
        running = false;
        if (releasing != null) {
            releasing.cancel(false);
        }
        signal.wake();
        threads.forEach(Thread::interrupt);
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Plans a fan-out now if nobody else is (the periodic loop catches orphaned ones). */
    void planNow(String fanOutId) {
        Instant now = clock.instant();
        String claim = owner + "/plan-" + claims.incrementAndGet();
        fanOuts.claimPlanning(fanOutId, claim, now, now.plus(properties.lease()))
            .flatMap(job -> planner.plan(job, claim))
            .doOnError(e -> log.warn("Planning {} stopped: {}", fanOutId, e.getMessage()))
            .onErrorComplete()
            .subscribe();
    }

    /**
     * Batches planned for later become claimable when their time comes (ADR 0096); idle workers are woken. Receipts
     * a stopped sender still owed are recorded (ADR 0099).
     */
    private void releaseDue() {
        Instant now = clock.instant();
        batches.releaseDue(now)
            .doOnNext(released -> {
                if (released > 0) {
                    signal.wake();
                }
            })
            .then(receipts.sweep(now))
            .onErrorResume(e -> {
                log.warn("Releasing due batches or owed receipts failed, will try again: {}", e.getMessage());
                return Mono.empty();
            })
            .subscribe();
    }

    /** Runs on the dedicated {@code fanout-planner} thread: blocking and sleeping here never holds an event loop. */
    private void planLoop() {
        while (running) {
            try {
                Instant now = clock.instant();
                String claim = owner + "/plan-" + claims.incrementAndGet();
                Document job = fanOuts.claimPlanning(claim, now, now.plus(properties.lease())).block();
                if (job == null) {
                    Thread.sleep(properties.pollInterval().toMillis() * 4);
                    continue;
                }
                planner.plan(job, claim).block();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Planning failed, will resume from the checkpoint: {}", e.getMessage());
                pause();
            }
        }
    }

    /**
     * Runs on the dedicated {@code fanout-worker-N} threads: the blocking FCM calls and rate waits stay off event loops.
     * While there is nothing to send only the {@code watcher} looks in the store every poll interval; the others wait
     * to be woken (work stored here, or a sibling's claim), with a slow look of their own in case a wake is missed, so
     * an idle instance asks the store a few times a second instead of a few times per worker.
     */
    private void sendLoop(boolean watcher) {
        long idleWait = properties.pollInterval().toMillis() * (watcher ? 1 : IDLE_SIBLING_FACTOR);
        while (running) {
            try {
                Instant now = clock.instant();
                String claim = owner + "/" + claims.incrementAndGet();
                Claimed claimed = claimNext(claim, now);
                if (claimed == null) {
                    signal.await(idleWait);
                    continue;
                }
                signal.wake(); // an idle sibling looks for the next batch while this one is sent
                send(claimed.batch(), claim, claimed.targets());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Fan-out batch failed, its lease will expire and it will be retried: {}", e.toString());
                pause();
            }
        }
    }

    /** A claimed batch, with its targets when it was planned here (else null: they are read from the store). */
    private record Claimed(Document batch, List<Document> targets) {
    }

    /** A batch planned here if one is handed over and still waiting (ADR 0095), else any due batch; null when none. */
    private Claimed claimNext(String claim, Instant now) {
        Instant leaseUntil = now.plus(properties.lease());
        PlannedHere.Handed handed = plannedHere.next();
        Document batch = handed == null ? null : batches.claim(handed.batchId(), claim, now, leaseUntil).block();
        if (batch != null) {
            return new Claimed(batch, handed.targets());
        }
        batch = batches.claim(claim, now, leaseUntil).block();
        return batch == null ? null : new Claimed(batch, null);
    }

    /**
     * Sends a claimed batch; {@code known} are its targets when it was planned here, else they are read. A batch whose
     * message has expired is given up without sending.
     */
    private void send(Document batch, String claim, List<Document> known) throws InterruptedException {
        String batchId = batch.getString("_id");
        Job job = job(batch.getString("fanOutId"));
        PushMessage message = job.message();
        if (!clock.instant().isBefore(job.expiresAt())) {
            expire(batch, claim, message);
            return;
        }
        List<Document> targets = known != null ? known : batches.targets(batch).block();
        List<Integer> pending = pendingIndexes(batch, targets.size());
        List<Document> sending = pending.stream().map(targets::get).toList();
        DeliveryChannel channel = channels.get(batch.getString("channel"));
        DeliveryChannel.Delivery delivery;
        ScheduledFuture<?> heartbeat = keepLease(batchId, claim);
        try {
            delivery = channel.deliver(message, sending);
        } finally {
            heartbeat.cancel(false);
        }
        Outcome outcome = Outcome.of(pending, sending, delivery.outcomes());
        for (Document target : outcome.retire()) {
            recipients.retireToken(target.getString("t"), target.getString("p"), "UNREGISTERED or INVALID_ARGUMENT").block();
        }
        int attempts = batch.getInteger("attempts", 0) + 1;
        List<Integer> retry = outcome.retry();
        Instant now = clock.instant();
        Instant retryAt = schedule.retryAt(now, attempts, delivery.retryAfter(), job.expiresAt());
        Instant owedAt = receipts.owedFor(message, outcome.accepted().size(), now);
        boolean recorded = recorded(batchId, batches.record(batchId, claim, owner, retry, retryAt, new Batches.Tally(
            outcome.accepted().size(), outcome.retire().size(), outcome.failed(), 0, outcome.unaccepted(), owedAt)));
        if (recorded) {
            schedule.gaveUp(message, channel.name(), RetrySchedule.REFUSED, outcome.failed());
        }
        receipts.afterSend(batchId, owedAt, message, channel.name(), outcome.accepted());
        if (retry.isEmpty()) {
            finishIfDone(batch.getString("fanOutId"));
        } else {
            signal.wake();
        }
    }

    /** Settles every target still pending as expired, without sending: the message no longer matters (ADR 0343). */
    private void expire(Document batch, String claim, PushMessage message) {
        String batchId = batch.getString("_id");
        List<Integer> pending = pendingIndexes(batch, batch.getInteger("size", 0));
        if (recorded(batchId, batches.record(batchId, claim, owner, List.of(), clock.instant(),
                new Batches.Tally(0, 0, 0, pending.size(), pending, null)))) {
            schedule.gaveUp(message, batch.getString("channel"), RetrySchedule.EXPIRED, pending.size());
        }
        finishIfDone(batch.getString("fanOutId"));
    }

    private boolean recorded(String batchId, Mono<Boolean> record) {
        boolean recorded = Boolean.TRUE.equals(record.block());
        if (!recorded) {
            log.warn("Batch {} was taken over while sending (lease {} too short?)", batchId, properties.lease());
        }
        return recorded;
    }

    /** Renews the batch's lease while a slow send (SDK retries, Retry-After) is still running. */
    private ScheduledFuture<?> keepLease(String batchId, String claim) {
        long every = Math.max(100, properties.lease().toMillis() / 4);
        return heartbeats.scheduleAtFixedRate(() -> batches.extendLease(batchId, claim, clock.instant().plus(properties.lease()))
            .onErrorResume(e -> Mono.just(false)).subscribe(), every, every, TimeUnit.MILLISECONDS);
    }

    private void finishIfDone(String fanOutId) {
        if (Boolean.FALSE.equals(batches.anyUnfinished(fanOutId).block())) {
            fanOuts.finished(fanOutId, clock.instant()).block();
        }
    }

    /** A fan-out's message and until when it matters. */
    private record Job(PushMessage message, Instant expiresAt) {
    }

    private Job job(String fanOutId) {
        Job cached = jobs.getIfPresent(fanOutId);
        if (cached != null) {
            return cached;
        }
        Document stored = fanOuts.find(fanOutId).blockOptional()
            .orElseThrow(() -> new IllegalStateException("Fan-out " + fanOutId + " has batches but no job"));
        Job job = new Job(FanOuts.fromDocument(stored), FanOuts.expiresAt(stored, properties.messageLifetime()));
        jobs.put(fanOutId, job);
        return job;
    }

    private static List<Integer> pendingIndexes(Document batch, int size) {
        List<Integer> remaining = batch.getList("remaining", Integer.class);
        if (remaining != null) {
            return remaining;
        }
        List<Integer> all = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            all.add(i);
        }
        return all;
    }

    /** Called only from the planner and worker threads this class starts (never an event loop). */
    private void pause() {
        try {
            Thread.sleep(properties.pollInterval().toMillis() * 4);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One send's outcomes sorted out: targets accepted, tokens to retire, indexes to retry, count failed, and the
     * indexes settled without being accepted (retired, failed, skipped).
     */
    private record Outcome(List<Document> accepted, List<Document> retire, List<Integer> retry, int failed,
                           List<Integer> unaccepted) {

        static Outcome of(List<Integer> indexes, List<Document> targets, List<SendOutcome> outcomes) {
            List<Document> accepted = new ArrayList<>();
            List<Document> retire = new ArrayList<>();
            List<Integer> retry = new ArrayList<>();
            List<Integer> unaccepted = new ArrayList<>();
            int failed = 0;
            for (int i = 0; i < outcomes.size(); i++) {
                SendOutcome outcome = outcomes.get(i);
                switch (outcome) {
                    case ACCEPTED -> accepted.add(targets.get(i));
                    case RETIRE_TOKEN -> retire.add(targets.get(i));
                    case RETRY -> retry.add(indexes.get(i));
                    case FAILED -> failed++;
                    case SKIPPED -> { }
                }
                if (outcome != SendOutcome.ACCEPTED && outcome != SendOutcome.RETRY) {
                    unaccepted.add(indexes.get(i));
                }
            }
            return new Outcome(accepted, retire, retry, failed, unaccepted);
        }
    }
}
