package app.chorus.decisions.internal;

import app.chorus.decisions.DecisionOutcome;
import app.chorus.decisions.DecisionResults;
import app.chorus.decisions.ScheduledDecision;
import java.util.Comparator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link DecisionResults} from the results stored at close. */
@Component
class DecisionOutcomes implements DecisionResults {

    private final DecisionStore decisions;

    DecisionOutcomes(DecisionStore decisions) {
        this.decisions = decisions;
    }

    @Override
    public Mono<DecisionOutcome> outcome(String decisionId) {
        return decisions.require(decisionId).onErrorResume(app.chorus.shared.Problem.class, unknown -> Mono.empty())
            .filter(decision -> decision.status() == DecisionStatus.CLOSED)
            .map(decision -> decision.result().outcome());
    }

    @Override
    public Flux<DecisionOutcome> outcomesOf(String consultationId) {
        return decisions.ofConsultation(consultationId)
            .filter(decision -> decision.status() == DecisionStatus.CLOSED)
            .map(decision -> decision.result().outcome())
            .sort(Comparator.comparing(DecisionOutcome::closedAt));
    }

    @Override
    public Flux<ScheduledDecision> openOrPlannedOnTheirOwn() {
        return decisions.openOrPlannedOnTheirOwn().map(decision -> new ScheduledDecision(decision.id(), decision.questionText(),
            decision.schoolId(), decision.audience(), decision.openedAt() != null ? decision.openedAt() : decision.opensAt(),
            decision.closesAt()));
    }
}
