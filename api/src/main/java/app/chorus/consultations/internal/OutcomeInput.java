package app.chorus.consultations.internal;

import java.util.List;

/** The decision as a leader publishes it, with the ideas and comments that shaped it. */
public record OutcomeInput(String decision, String rationale, List<String> ideaIds, List<String> commentIds) {

    void requireValid() {
        if (decision == null || decision.isBlank() || decision.length() > 2000) {
            throw Problems.invalid("decision", "length-1-2000", "Say what was decided, in 1-2,000 characters.");
        }
        if (rationale == null || rationale.isBlank() || rationale.length() > 20_000) {
            throw Problems.invalid("rationale", "length-1-20000", "Say why, in 1-20,000 characters.");
        }
    }
}
