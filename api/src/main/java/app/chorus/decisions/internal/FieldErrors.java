package app.chorus.decisions.internal;

import app.chorus.shared.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every broken rule of one request, each naming its field and rule; refused together as one problem. */
final class FieldErrors {

    private final List<Map<String, String>> errors = new ArrayList<>();

    FieldErrors add(String field, String rule, String message) {
        errors.add(Map.of("field", field, "rule", rule, "message", message));
        return this;
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Throws the problem of kind {@code kind} when any rule was broken. */
    void throwIfAny(String kind, String what) {
        if (!errors.isEmpty()) {
            throw Problem.badRequest(kind, what + " breaks " + errors.size() + (errors.size() == 1 ? " rule" : " rules")
                + ": see 'errors', correct each field and send it again.").with("errors", List.copyOf(errors));
        }
    }
}
