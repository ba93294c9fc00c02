package app.chorus.consultations.internal;

import app.chorus.shared.Problem;

/** Problems naming the field and the rule it broke. */
final class Problems {

    private Problems() {
    }

    static Problem invalid(String field, String rule, String detail) {
        return Problem.badRequest(rule, detail).with("field", field).with("rule", rule);
    }

    static Problem conflict(String field, String rule, String detail) {
        return Problem.conflict(rule, detail).with("field", field).with("rule", rule);
    }

    static Problem forbidden(String field, String rule, String detail) {
        return Problem.forbidden(rule, detail).with("field", field).with("rule", rule);
    }
}
