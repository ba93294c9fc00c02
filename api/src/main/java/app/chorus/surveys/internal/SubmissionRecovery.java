package app.chorus.surveys.internal;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finishes submissions a crash interrupted (ADR 0052). A PENDING mark whose response was stored is counted (the
 * tally guard makes that exactly once) and marked SUBMITTED; one whose response never arrived was never
 * acknowledged, so the mark is removed and the person may answer again. Guards left in a cell after the mark
 * became SUBMITTED are released by the sweep after the one that found them: never a guard counted moments ago, which a
 * late attempt at the same submission still needs (ADR 0400).
 */
@Component
class SubmissionRecovery {

    private final SurveyStore surveys;
    private final Participations participations;
    private final Responses responses;
    private final Tallies tallies;
    private final SurveyResponding responding;
    /** Guards of finished submissions the last sweep found (cell id and response id). */
    private volatile Set<String> foundLastTime = Set.of();

    SubmissionRecovery(SurveyStore surveys, Participations participations, Responses responses, Tallies tallies,
                       SurveyResponding responding) {
        this.surveys = surveys;
        this.participations = participations;
        this.responses = responses;
        this.tallies = tallies;
        this.responding = responding;
    }

    Mono<Void> sweep(Instant pendingBefore) {
        Set<String> found = ConcurrentHashMap.newKeySet();
        return participations.pendingSince(pendingBefore)
            .concatMap(this::finishOrForget)
            .thenMany(tallies.withPending().concatMap(cell -> releaseFinished(cell, found)))
            .then(Mono.fromRunnable(() -> foundLastTime = found));
    }

    private Mono<Void> finishOrForget(Document mark) {
        String participationId = mark.getString("_id");
        return responses.find(mark.getString("responseId"))
            .flatMap(stored -> surveys.require(mark.getString("surveyId"))
                .flatMap(survey -> responding.finish(survey, participationId, stored))
                .thenReturn(true))
            .switchIfEmpty(Mono.defer(() -> participations.delete(participationId).thenReturn(false)))
            .then();
    }

    private boolean foundBefore(String guard, Set<String> found) {
        found.add(guard);
        return foundLastTime.contains(guard);
    }

    private Mono<Void> releaseFinished(Document cell, Set<String> found) {
        String cellId = cell.getString("_id");
        return Flux.fromIterable(Tallies.guardsOf(cell))
            .filterWhen(responseId -> participations.isPendingFor(responseId).map(stillPending -> !stillPending))
            .filter(responseId -> foundBefore(cellId + "/" + responseId, found))
            .collect(Collectors.toSet())
            .flatMap(finished -> tallies.releaseNow(cellId, finished));
    }
}
