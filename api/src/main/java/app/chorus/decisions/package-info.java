/**
 * Decisions: collective votes (approval or yes/no with a quorum, score, consent, ranked choice by instant runoff as
 * RCTab counts it, Borda) whose counts anyone can check. Ballots are stored one per unit (a person, or a child shared
 * by its carers) under the anonymity the decision states; live tallies are kept as counters; the close reads every
 * standing ballot and runs the {@code tally} module's count, the very code of {@code ./chorus tally}.
 *
 * <p>Public surface: the events {@link app.chorus.decisions.DecisionOpened} and
 * {@link app.chorus.decisions.DecisionClosed}, and {@link app.chorus.decisions.DecisionResults} for a consultation's
 * outcome to show the results of its decision phase.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Decisions")
package app.chorus.decisions;
