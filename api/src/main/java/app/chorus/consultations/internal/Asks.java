package app.chorus.consultations.internal;

import app.chorus.surveys.SurveyQueries;
import java.time.Instant;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** What the trust and its schools ask of their people now or later: consultations taking part, and surveys. */
@Component
class Asks {

    static final String CONSULTATION = "consultation";
    static final String SURVEY = "survey";
    private final ConsultationStore consultations;
    private final SurveyQueries surveys;

    Asks(ConsultationStore consultations, SurveyQueries surveys) {
        this.consultations = consultations;
        this.surveys = surveys;
    }

    /** Asks still open or to come at this time. */
    Flux<Ask> openOrPlanned(Instant now) {
        Flux<Ask> consulting = consultations.all()
            .filter(c -> c.asksFrom() != null && (c.asksUntil() == null || c.asksUntil().isAfter(now)))
            .map(c -> new Ask(CONSULTATION, c.id(), c.title(c.defaultLanguage()), c.schoolId(), c.audience(), c.asksFrom(), c.asksUntil()));
        Flux<Ask> surveying = surveys.openOrPlanned()
            .filter(s -> s.closesAt() == null || s.closesAt().isAfter(now))
            .map(s -> new Ask(SURVEY, s.surveyId(), s.title(), null, s.audience(), s.opensAt(), s.closesAt()));
        return Flux.concat(consulting, surveying);
    }
}
