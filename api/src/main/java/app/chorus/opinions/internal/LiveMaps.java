package app.chorus.opinions.internal;

import app.chorus.opinions.math.PolisExport;
import app.chorus.opinions.math.PolisReplay;
import app.chorus.opinions.math.Vote;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The live maps, one per conversation, loaded on first use by replaying the stored statements and votes (ADR 0140).
 * A conversation's map is updated once a second when votes arrived, or at once when 1,000 are pending: the cadence
 * {@link PolisReplay.Cadence#LIVE} the replay of a Polis export uses too. Updates run off the event loop.
 */
@Component
class LiveMaps {

    static final PolisReplay.Cadence CADENCE = PolisReplay.Cadence.LIVE;
    private static final Logger log = LoggerFactory.getLogger(LiveMaps.class);

    private final OpinionStore store;
    private final Map<String, Mono<LiveMap>> maps = new ConcurrentHashMap<>();
    private final Map<String, LiveMap> loaded = new ConcurrentHashMap<>();
    private final Disposable ticker;

    LiveMaps(OpinionStore store) {
        this.store = store;
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
    Mono<Void> voted(String conversationId, Vote vote, Integer replaced) {
        return of(conversationId).flatMap(map -> map.add(vote, replaced) >= CADENCE.votes() ? update(map) : Mono.empty());
    }

    /** A statement's visibility changed: it joins the map, or its column is zeroed or restored. */
    Mono<Void> statementChanged(Statement statement) {
        if (!statement.inMap()) {
            return Mono.empty();
        }
        return of(statement.conversationId()).doOnNext(map -> map.statement(statement.id(), statement.moderatedOut())).then();
    }

    private Mono<LiveMap> load(String conversationId) {
        return Mono.zip(store.statements(conversationId).filter(Statement::inMap).collectList(),
                store.votes(conversationId).collectList())
            .publishOn(Schedulers.boundedElastic())
            .map(stored -> replay(stored.getT1(), stored.getT2()));
    }

    /** The stored conversation replayed as an export: statements at the time they first showed, votes in time order. */
    static LiveMap replay(List<Statement> statements, List<StoredVote> votes) {
        List<PolisExport.Statement> columns = statements.stream()
            .map(s -> new PolisExport.Statement(s.id(), s.shownAt(), s.moderatedOut())).toList();
        List<PolisExport.TimedVote> timed = votes.stream()
            .map(v -> new PolisExport.TimedVote(v.at(), new Vote(v.participantId(), v.statementId(), v.value()))).toList();
        Set<String> participants = votes.stream().map(StoredVote::participantId).collect(Collectors.toSet());
        var updater = PolisReplay.replay(new PolisExport(columns, timed, participants, Map.of()), CADENCE);
        return new LiveMap(updater, timed.stream().map(PolisExport.TimedVote::vote).toList());
    }

    private Mono<Void> updateAll() {
        return Flux.fromIterable(loaded.values()).concatMap(this::update).then();
    }

    private Mono<Void> update(LiveMap map) {
        return Mono.fromRunnable(map::update).subscribeOn(Schedulers.boundedElastic())
            .onErrorResume(failure -> {
                log.error("The opinion map could not be updated; it will be tried again in a second", failure);
                return Mono.empty();
            }).then();
    }
}
