package app.chorus.opinions.internal;

import app.chorus.opinions.math.OpinionMapUpdater;
import app.chorus.opinions.math.PolisReplay.Cadence;
import app.chorus.opinions.math.Vote;
import app.chorus.opinions.internal.MapCheckpoint.Watermark;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * One conversation's map in memory: the updater (the maths' state), the votes that arrived since its last update,
 * each statement's running agree / disagree / pass counts for statement routing, and the latest snapshot. Votes,
 * statement changes and counts are serialised on this object, briefly; an update takes what is pending and folds it
 * outside that lock (a fold of a trust-wide conversation takes a second), so votes and reads never wait for the maths.
 * Updates and checkpoints are serialised on {@link #maths}.
 */
final class LiveMap {

    private final OpinionMapUpdater updater;
    private final Object maths = new Object();
    private final List<Vote> pending = new ArrayList<>();
    private final List<StatementChange> statementChanges = new ArrayList<>();
    private final Map<String, int[]> counts = new HashMap<>();
    private final Map<String, Integer> votesByParticipant = new HashMap<>();
    private final Sinks.Many<MapSnapshot> updates = Sinks.many().replay().latest();
    private boolean updateRequested;
    private long firstPendingAt;
    private volatile long participants;
    private volatile long statements;
    private long version;
    private Watermark pendingUpTo;
    private Watermark foldedUpTo;
    private Watermark checkpointedUpTo;
    private Instant lastCheckpointAt = Instant.EPOCH;
    private volatile MapSnapshot snapshot = MapSnapshot.EMPTY;

    /**
     * @param foldedUpTo      the last vote the updater has folded
     * @param checkpointedUpTo the watermark of the stored checkpoint ({@link Watermark#NONE}: none)
     */
    LiveMap(OpinionMapUpdater updater, Iterable<Vote> standingVotes, Watermark foldedUpTo, Watermark checkpointedUpTo) {
        this.updater = updater;
        this.foldedUpTo = foldedUpTo;
        this.pendingUpTo = foldedUpTo;
        this.checkpointedUpTo = checkpointedUpTo;
        standingVotes.forEach(vote -> {
            count(vote.statement(), vote.value(), 1);
            votesByParticipant.merge(vote.participant(), 1, Integer::sum);
        });
        publish();
    }

    /** Adds a vote to the next update; answers how many are pending. */
    synchronized int add(Vote vote, Integer replaced, Watermark mark) {
        if (pending.isEmpty()) {
            firstPendingAt = System.currentTimeMillis();
        }
        pendingUpTo = pendingUpTo.max(mark);
        if (replaced != null) {
            count(vote.statement(), replaced, -1);
        } else {
            votesByParticipant.merge(vote.participant(), 1, Integer::sum);
        }
        count(vote.statement(), vote.value(), 1);
        pending.add(vote);
        return pending.size();
    }

    /** A statement joins the map, or is moderated out (its column zeroed) or back in, at the next update. */
    synchronized void statement(String statementId, boolean moderatedOut) {
        statementChanges.add(new StatementChange(statementId, moderatedOut));
    }

    /**
     * Whether an update is due at a tick of the base cadence: at once for a map up to {@link Cadence#CELLS_PER_STEP}
     * cells; for a larger one, once its stretched period has passed since the first pending vote.
     */
    synchronized boolean due(Cadence base, long nowMillis) {
        if (pending.isEmpty()) {
            return !statementChanges.isEmpty();
        }
        Cadence cadence = base.forSize(participants, statements);
        return pending.size() >= cadence.votes() || nowMillis - firstPendingAt >= cadence.periodMillis() - base.periodMillis();
    }

    /** True once when enough votes are pending for an update of their own (until that update takes them). */
    synchronized boolean requestUpdate(Cadence base) {
        if (updateRequested || pending.size() < base.forSize(participants, statements).votes()) {
            return false;
        }
        updateRequested = true;
        return true;
    }

    /** Folds what is pending into the map, if anything is; votes arriving meanwhile wait for the next update. */
    void update() {
        synchronized (maths) {
            List<Vote> folding;
            List<StatementChange> changes;
            Watermark upTo;
            synchronized (this) {
                if (pending.isEmpty() && statementChanges.isEmpty()) {
                    return;
                }
                folding = List.copyOf(pending);
                changes = List.copyOf(statementChanges);
                pending.clear();
                statementChanges.clear();
                upTo = pendingUpTo;
                updateRequested = false;
            }
            changes.forEach(change -> {
                updater.addStatement(change.statementId());
                updater.moderate(change.statementId(), change.moderatedOut());
            });
            updater.fold(folding);
            synchronized (this) {
                foldedUpTo = upTo;
            }
            publish();
        }
    }

    /**
     * The maths' state as of the last update, when it has folded votes the stored checkpoint lacks; empty otherwise. A
     * vote stored just before another yet queued after it may be counted in the checkpoint's votes without its own
     * update: the next update after a restart brings it in all the same.
     */
    Optional<MapCheckpoint> checkpointDue(String conversationId, Duration every) {
        synchronized (maths) {
            Watermark folded;
            synchronized (this) {
                if (foldedUpTo.compareTo(checkpointedUpTo) <= 0 || Instant.now().isBefore(lastCheckpointAt.plus(every))) {
                    return Optional.empty();
                }
                folded = foldedUpTo;
            }
            return Optional.of(new MapCheckpoint(conversationId, folded, updater.checkpoint(), Instant.now()));
        }
    }

    synchronized void checkpointed(Watermark mark) {
        checkpointedUpTo = checkpointedUpTo.max(mark);
        lastCheckpointAt = Instant.now();
    }

    MapSnapshot snapshot() {
        return snapshot;
    }

    Flux<MapSnapshot> updates() {
        return updates.asFlux();
    }

    /** Agrees, disagrees and passes on the statement so far, pending votes included. */
    synchronized int[] counts(String statementId) {
        return counts.getOrDefault(statementId, new int[3]).clone();
    }

    /** The participant's standing votes so far. */
    synchronized int votesOf(String participant) {
        return votesByParticipant.getOrDefault(participant, 0);
    }

    /** Standing votes so far, pending ones included. */
    synchronized long voteCount() {
        return counts.values().stream().mapToLong(c -> c[0] + c[1] + c[2]).sum();
    }

    private void count(String statementId, int value, int delta) {
        counts.computeIfAbsent(statementId, id -> new int[3])[value == 1 ? 0 : value == -1 ? 1 : 2] += delta;
    }

    private void publish() {
        participants = updater.participantCount();
        statements = updater.statementCount();
        snapshot = MapSnapshot.of(++version, updater);
        updates.tryEmitNext(snapshot);
    }

    private record StatementChange(String statementId, boolean moderatedOut) {
    }
}
