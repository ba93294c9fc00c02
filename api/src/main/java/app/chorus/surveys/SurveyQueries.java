package app.chorus.surveys;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What other modules (notifications' reminders) and the gateway may ask about surveys. */
public interface SurveyQueries {

    /** Open surveys that still wait for some of this directory person's answers. */
    Flux<WaitingSurvey> waitingFor(String personId);

    /** Whether this survey still waits for any answer from this person (used before sending a reminder). */
    Mono<Boolean> isWaitingFor(String surveyId, String personId);

    /** Surveys open now or scheduled to open (a handful at a time), with their audience and dates. */
    Flux<ScheduledSurvey> openOrPlanned();
}
