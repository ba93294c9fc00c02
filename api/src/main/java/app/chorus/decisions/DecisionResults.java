package app.chorus.decisions;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What other modules (a consultation's outcome) may ask about decisions. */
public interface DecisionResults {

    /** The outcome of a closed decision; empty while it is open (or unknown). */
    Mono<DecisionOutcome> outcome(String decisionId);

    /** The outcomes of a consultation's closed decisions, oldest first. */
    Flux<DecisionOutcome> outcomesOf(String consultationId);

    /** Decisions of their own (not inside a consultation) open now or scheduled, for the fatigue calendar. */
    Flux<ScheduledDecision> openOrPlannedOnTheirOwn();
}
