package app.chorus.surveys.internal;

import java.time.Instant;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finishes submissions a crash interrupted (ADR 0052). A PENDING mark whose response was stored is counted (the
 * tally guard makes that exactly once) and marked SUBMITTED; one whose response never arrived was never
 * acknowledged, so the mark is removed and the person may answer again. Guards left in a cell after the mark
 * became SUBMITTED are released.
 */
@Component
class SubmissionRecovery {

    private final SurveyStore surveys;
    private final Participations participations;
    private final Responses responses;
    private final Tallies tallies;
    private final SurveyResponding responding;

    SubmissionRecovery(SurveyStore surveys, Participations participations, Responses responses, Tallies tallies,
                       SurveyResponding responding) {
        this.surveys = surveys;
        this.participations = participations;
        this.responses = responses;
        this.tallies = tallies;
        this.responding = responding;
    }

    Mono<Void> sweep(Instant pendingBefore) {
        return participations.pendingSince(pendingBefore)
            .concatMap(this::finishOrForget)
            .thenMany(tallies.withPending().concatMap(this::releaseFinished))
            .then();
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

    private Mono<Void> releaseFinished(Document cell) {
        return Flux.fromIterable(Tallies.guardsOf(cell))
            .filterWhen(responseId -> participations.isPendingFor(responseId).map(stillPending -> !stillPending))
            .collect(java.util.stream.Collectors.toSet())
            .flatMap(finished -> tallies.releaseNow(cell.getString("_id"), finished));
    }
}
