package app.chorus.consultations.internal;

import app.chorus.decisions.DecisionResults;
import app.chorus.surveys.SurveyQueries;
import java.time.Instant;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * What the trust and its schools ask of their people now or later: consultations taking part (their decision phase
 * included), surveys, and decisions of their own (votes outside any consultation).
 */
@Component
class Asks {

    static final String CONSULTATION = "consultation";
    static final String SURVEY = "survey";
    static final String DECISION = "decision";
    private final ConsultationStore consultations;
    private final SurveyQueries surveys;
    private final DecisionResults decisions;

    Asks(ConsultationStore consultations, SurveyQueries surveys, DecisionResults decisions) {
        this.consultations = consultations;
        this.surveys = surveys;
        this.decisions = decisions;
    }

    /** Asks still open or to come at this time. */
    Flux<Ask> openOrPlanned(Instant now) {
        Flux<Ask> consulting = consultations.all()
            .filter(c -> c.asksFrom() != null && (c.asksUntil() == null || c.asksUntil().isAfter(now)))
            .map(c -> new Ask(CONSULTATION, c.id(), c.title(c.defaultLanguage()), c.schoolId(), c.audience(), c.asksFrom(), c.asksUntil()));
        Flux<Ask> surveying = surveys.openOrPlanned()
            .filter(s -> s.closesAt() == null || s.closesAt().isAfter(now))
            .map(s -> new Ask(SURVEY, s.surveyId(), s.title(), null, s.audience(), s.opensAt(), s.closesAt()));
        Flux<Ask> deciding = decisions.openOrPlannedOnTheirOwn()
            .filter(d -> d.closesAt() == null || d.closesAt().isAfter(now))
            .map(d -> new Ask(DECISION, d.decisionId(), d.question(), d.schoolId(), d.audience(), d.opensAt(), d.closesAt()));
        return Flux.concat(consulting, surveying, deciding);
    }
}
