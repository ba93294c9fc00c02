package app.chorus.opinions.internal;

import app.chorus.opinions.math.PolisExport;
import app.chorus.opinions.math.PolisReplay;
import app.chorus.opinions.math.Vote;
import jakarta.annotation.PreDestroy;
import app.chorus.opinions.internal.MapCheckpoint.Watermark;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The live maps, one per conversation, loaded on first use from the checkpoint of the maths' state and the stored
 * statements and votes, replaying the votes after the checkpoint (ADR 0140, ADR 0160).
 * A conversation's map is updated once a second when votes arrived, or as soon as 1,000 are pending: the cadence
 * {@link PolisReplay.Cadence#LIVE} the replay of a Polis export uses too, stretched for maps over 10 million cells
 * ({@link PolisReplay.Cadence#forSize}). Updates run off the event loop; a vote never waits for one.
 */
@Component
class LiveMaps {

    static final PolisReplay.Cadence CADENCE = PolisReplay.Cadence.LIVE;
    private static final Logger log = LoggerFactory.getLogger(LiveMaps.class);

    private final OpinionStore store;
    private final Duration checkpointEvery;
    private final Map<String, Mono<LiveMap>> maps = new ConcurrentHashMap<>();
    private final Map<String, LiveMap> loaded = new ConcurrentHashMap<>();
    private final Disposable ticker;

    /** @param checkpointEvery how often at most a conversation's checkpoint is replaced (ADR 0160) */
    LiveMaps(OpinionStore store, @Value("${chorus.opinions.checkpoint-every:PT1M}") Duration checkpointEvery) {
        this.store = store;
        this.checkpointEvery = checkpointEvery;
        this.ticker = Flux.interval(Duration.ofMillis(CADENCE.periodMillis()))
            .onBackpressureDrop()
            .concatMap(tick -> updateAll(), 1)
            .subscribe();
    }

    @PreDestroy
    void stop() {
        ticker.dispose();
    }

    Mono<LiveMap> of(String conversationId) {
        return maps.computeIfAbsent(conversationId, id -> load(id)
            .doOnNext(map -> loaded.put(id, map))
            .doOnError(failure -> maps.remove(id))
            .cache());
    }

    /** A vote was stored ({@code replaced}: the value it replaced, or null). */
    Mono<Void> voted(StoredVote stored, Integer replaced) {
        Vote vote = new Vote(stored.participantId(), stored.statementId(), stored.value());
        return of(stored.conversationId()).doOnNext(map -> {
            map.add(vote, replaced, Watermark.of(stored));
            if (map.requestUpdate(CADENCE)) {
                update(stored.conversationId(), map).subscribe();
            }
        }).then();
    }

    /** Stores the conversation's checkpoint now if its map has folded votes the stored one lacks. */
    Mono<Void> checkpoint(String conversationId) {
        return of(conversationId).flatMap(map -> Mono.fromCallable(() -> map.checkpointDue(conversationId, Duration.ZERO))
            .subscribeOn(Schedulers.boundedElastic())
            .flatMap(due -> save(due, map)));
    }

    /** A statement's visibility changed: it joins the map, or its column is zeroed or restored. */
    Mono<Void> statementChanged(Statement statement) {
        if (!statement.inMap()) {
            return Mono.empty();
        }
        return of(statement.conversationId()).doOnNext(map -> map.statement(statement.id(), statement.moderatedOut())).then();
    }

    /**
     * The stored conversation's map: resumed from its checkpoint when there is one, replaying only the votes after its
     * watermark; else replayed from the first vote. A map that folded votes the checkpoint lacks stores a new one.
     */
    private Mono<LiveMap> load(String conversationId) {
        return Mono.zip(store.statements(conversationId).filter(Statement::inMap).collectList(),
                store.votes(conversationId).collectList(),
                store.checkpoint(conversationId).map(Optional::of)
                    .onErrorResume(failure -> {
                        log.warn("The opinion map's checkpoint could not be read; replaying every vote instead", failure);
                        return Mono.empty();
                    })
                    .defaultIfEmpty(Optional.empty()))
            .publishOn(Schedulers.boundedElastic())
            .map(stored -> replay(stored.getT1(), stored.getT2(), stored.getT3().orElse(null)))
            .flatMap(map -> save(map.checkpointDue(conversationId, Duration.ZERO), map).thenReturn(map));
    }

    /** The stored conversation replayed as an export (from its checkpoint, if any): statements as they first showed, votes in time order. */
    static LiveMap replay(List<Statement> statements, List<StoredVote> votes, MapCheckpoint checkpoint) {
        List<PolisExport.Statement> columns = statements.stream()
            .map(s -> new PolisExport.Statement(s.id(), s.shownAt(), s.moderatedOut())).toList();
        Watermark from = checkpoint == null ? Watermark.NONE : checkpoint.watermark();
        List<Vote> folded = new ArrayList<>();
        List<PolisExport.TimedVote> newer = new ArrayList<>();
        Watermark last = from;
        for (StoredVote stored : votes) {
            Vote vote = new Vote(stored.participantId(), stored.statementId(), stored.value());
            Watermark mark = Watermark.of(stored);
            if (mark.compareTo(from) <= 0) {
                folded.add(vote);
            } else {
                newer.add(new PolisExport.TimedVote(stored.at(), vote));
            }
            last = last.max(mark);
        }
        Set<String> participants = votes.stream().map(StoredVote::participantId).collect(Collectors.toSet());
        PolisExport after = new PolisExport(columns, newer, participants, Map.of());
        var updater = checkpoint == null ? PolisReplay.replay(after, CADENCE)
            : PolisReplay.resume(checkpoint.state(), folded, after, CADENCE);
        List<Vote> standing = new ArrayList<>(folded);
        newer.forEach(timed -> standing.add(timed.vote()));
        return new LiveMap(updater, standing, last, from);
    }

    private Mono<Void> updateAll() {
        long now = System.currentTimeMillis();
        return Flux.fromIterable(loaded.entrySet()).filter(entry -> entry.getValue().due(CADENCE, now))
            .concatMap(entry -> update(entry.getKey(), entry.getValue())).then();
    }

    private Mono<Void> update(String conversationId, LiveMap map) {
        return Mono.fromCallable(() -> {
                map.update();
                return map.checkpointDue(conversationId, checkpointEvery);
            }).subscribeOn(Schedulers.boundedElastic())
            .flatMap(due -> save(due, map))
            .onErrorResume(failure -> {
                log.error("The opinion map could not be updated; it will be tried again in a second", failure);
                return Mono.empty();
            }).then();
    }

    private Mono<Void> save(Optional<MapCheckpoint> due, LiveMap map) {
        return Mono.justOrEmpty(due).flatMap(checkpoint -> store.save(checkpoint)
            .doOnNext(saved -> map.checkpointed(saved.watermark()))
            .onErrorResume(failure -> {
                log.warn("The opinion map's checkpoint could not be stored; a restart replays more votes", failure);
                return Mono.empty();
            })).then();
    }
}
