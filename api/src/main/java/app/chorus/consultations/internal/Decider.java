package app.chorus.consultations.internal;

import app.chorus.consultations.DecisionMethod;

/**
 * Who decides and how, stated to participants before they take part.
 *
 * @param binding false: advisory (the named body decides, informed by the consultation); true: a binding vote
 * @param method  the vote's counting method when binding, null when advisory
 * @param decidedBy who takes the decision, in the trust's words ("the governing body")
 */
public record Decider(Boolean binding, DecisionMethod method, String decidedBy) {

    public Decider {
        binding = Boolean.TRUE.equals(binding);
    }

    public String statement() {
        return binding
            ? "This is a binding vote counted by " + method.name().toLowerCase().replace('_', ' ') + "; the result is the decision."
            : "This consultation is advisory: " + decidedBy + " decides, and publishes what it decided and why.";
    }
}
