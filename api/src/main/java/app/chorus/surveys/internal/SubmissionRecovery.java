package app.chorus.surveys.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finishes submissions a crash interrupted (ADR 0052). A PENDING mark whose response was stored is counted (the
 * tally guard makes that exactly once) and marked SUBMITTED as soon as a repeat could take it over (ADR 0407): its
 * caller may never repeat it. One whose response never arrived was never acknowledged: the mark is removed after
 * {@link #FORGET_AFTER} and the person may answer again. A submission or cell that cannot be dealt with is logged and
 * left for the next sweep, never holding up the others. Guards left in a cell after the mark became SUBMITTED are released once sweeps have found them for
 * {@link #GUARD_FOUND_FOR}: never a guard counted moments ago, which a late attempt at the same submission still needs
 * (ADR 0400).
 */
@Component
class SubmissionRecovery {

    private static final Logger log = LoggerFactory.getLogger(SubmissionRecovery.class);

    /**
     * A PENDING mark without its response is forgotten only after this: until then a slow first attempt may still
     * store it, or a repeat with its key take it over.
     */
    static final Duration FORGET_AFTER = Duration.ofMinutes(2);
    /**
     * A guard of a finished submission is released once sweeps have found it for this long (a sweep's period): two
     * sweeps close together on one instance (a long one and the next) must not release a guard counted moments ago.
     */
    static final Duration GUARD_FOUND_FOR = Duration.ofSeconds(15);

    /** Cells whose guards are looked up together. */
    private static final int CELLS_PER_READ = 100;

    private final SurveyStore surveys;
    private final Participations participations;
    private final Responses responses;
    private final Tallies tallies;
    private final SurveyResponding responding;
    /** Guards of finished submissions (cell id and response id) found by the last sweeps, and since when. */
    private final Map<String, Instant> foundSince = new ConcurrentHashMap<>();

    SubmissionRecovery(SurveyStore surveys, Participations participations, Responses responses, Tallies tallies,
                       SurveyResponding responding) {
        this.surveys = surveys;
        this.participations = participations;
        this.responses = responses;
        this.tallies = tallies;
        this.responding = responding;
    }

    /** One pass at {@code now}: interrupted submissions finished or forgotten, guards of finished ones released. */
    Mono<Void> sweep(Instant now) {
        Set<String> found = ConcurrentHashMap.newKeySet();
        Instant forgetBefore = now.minus(FORGET_AFTER);
        return participations.pendingSince(now.minus(SurveyResponding.TAKE_OVER_AFTER))
            .concatMap(mark -> finishOrForget(mark, forgetBefore).onErrorResume(failure -> skipped("submission", mark, failure)))
            .thenMany(tallies.withPending().buffer(CELLS_PER_READ).concatMap(cells -> releaseFinished(cells, found, now)
                .onErrorResume(failure -> skipped("tally cells", cells.get(0), failure))))
            .then(Mono.fromRunnable(() -> foundSince.keySet().retainAll(found)));
    }

    private Mono<Void> finishOrForget(Document mark, Instant forgetBefore) {
        String participationId = mark.getString("_id");
        String responseId = mark.getString("responseId");
        boolean forgettable = mark.getDate("pendingSince").toInstant().isBefore(forgetBefore);
        return responses.find(responseId)
            .flatMap(stored -> surveys.require(mark.getString("surveyId"))
                .flatMap(survey -> responding.finish(survey, participationId, stored))
                .thenReturn(true))
            .switchIfEmpty(Mono.defer(() -> forgettable
                ? participations.forgetPending(participationId, responseId).thenReturn(false)
                : Mono.just(false)))
            .then();
    }

    /** One that cannot be finished must not stop the others behind it: it is tried again at the next sweep. */
    private static Mono<Void> skipped(String what, Document document, Throwable failure) {
        log.warn("Interrupted-{} recovery skipped {} this sweep and will try it again at the next: {}", what,
            document.getString("_id"), failure.toString());
        return Mono.empty();
    }

    private boolean foundLongEnough(String guard, Set<String> found, Instant now) {
        found.add(guard);
        return !foundSince.computeIfAbsent(guard, first -> now).isAfter(now.minus(GUARD_FOUND_FOR));
    }

    /** Whether each guard of these cells is still PENDING is asked in one read for them all. */
    private Mono<Void> releaseFinished(List<Document> cells, Set<String> found, Instant now) {
        Set<String> guards = cells.stream().flatMap(cell -> Tallies.guardsOf(cell).stream()).collect(Collectors.toSet());
        return participations.pendingAmong(guards).collect(Collectors.toSet())
            .flatMapMany(pending -> Flux.fromIterable(cells).concatMap(cell -> releaseFinished(cell, pending, found, now)
                .onErrorResume(failure -> skipped("tally cell", cell, failure))))
            .then();
    }

    private Mono<Void> releaseFinished(Document cell, Set<String> pending, Set<String> found, Instant now) {
        String cellId = cell.getString("_id");
        Set<String> finished = Tallies.guardsOf(cell).stream()
            .filter(responseId -> !pending.contains(responseId))
            .filter(responseId -> foundLongEnough(cellId + "/" + responseId, found, now))
            .collect(Collectors.toSet());
        return finished.isEmpty() ? Mono.empty() : tallies.releaseNow(cellId, finished);
    }
}
