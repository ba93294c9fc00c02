package app.chorus.surveys.internal;

import app.chorus.surveys.ScheduledSurvey;
import app.chorus.surveys.SurveyQueries;
import app.chorus.surveys.WaitingSurvey;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Open surveys still waiting for some of a person's answers: their unanswered units, with drafts flagged. */
@Service
class WaitingSurveys implements SurveyQueries {

    private final SurveyStore surveys;
    private final Eligibility eligibility;
    private final UnitKeys unitKeys;
    private final Participations participations;
    private final Drafts drafts;
    private final Clock clock;

    WaitingSurveys(SurveyStore surveys, Eligibility eligibility, UnitKeys unitKeys, Participations participations,
                   Drafts drafts, ObjectProvider<Clock> clock) {
        this.surveys = surveys;
        this.eligibility = eligibility;
        this.unitKeys = unitKeys;
        this.participations = participations;
        this.drafts = drafts;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public Flux<WaitingSurvey> waitingFor(String personId) {
        return eligibility.asker(personId).flatMapMany(asker -> surveys.live()
            .filter(survey -> survey.statusAt(clock.instant()) == SurveyStatus.OPEN)
            .concatMap(survey -> waiting(survey, eligibility.unitsOf(survey, asker))));
    }

    @Override
    public Mono<Boolean> isWaitingFor(String surveyId, String personId) {
        return surveys.find(surveyId)
            .filter(survey -> survey.statusAt(clock.instant()) == SurveyStatus.OPEN)
            .flatMap(survey -> waiting(survey, eligibility.unitsOf(survey, personId)))
            .hasElement();
    }

    @Override
    public Flux<ScheduledSurvey> openOrPlanned() {
        return surveys.live().map(survey -> new ScheduledSurvey(survey.id(), survey.title(), survey.audience(),
            survey.openedAt() != null ? survey.openedAt() : survey.opensAt(), survey.closesAt()));
    }

    private Mono<WaitingSurvey> waiting(Survey survey, Flux<ResponseUnit> owed) {
        return owed
            .concatMap(unit -> unitKeys.participationId(survey.id(), unit.key())
                .filterWhen(participationId -> participations.find(participationId).hasElement().map(answered -> !answered))
                .flatMap(participationId -> drafts.exists(participationId))
                .map(draft -> new WaitingSurvey.Unit(unit.unit(), unit.label(), unit.pupilId(), draft)))
            .collectList()
            .filter(units -> !units.isEmpty())
            .map(units -> new WaitingSurvey(survey.id(), survey.title(), survey.anonymity(), survey.closesAt(), units));
    }
}
