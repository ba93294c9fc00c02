package app.chorus.shared;

import app.chorus.edge.ProblemException;

/**
 * A failure a caller can act on. Rendered as RFC 9457 problem details by the edge's error handler:
 * {@code type} is stable per kind of error, {@code detail} says what to do next.
 */
public class Problem extends ProblemException {

    public Problem(int status, String kind, String title, String detail) {
        super(status, kind, title, detail);
    }

    public static Problem badRequest(String kind, String detail) {
        return new Problem(400, kind, "Bad request", detail);
    }

    public static Problem notFound(String what) {
        return new Problem(404, "not-found", "Not found", what + " was not found");
    }

    public static Problem conflict(String kind, String detail) {
        return new Problem(409, kind, "Conflict", detail);
    }

    public static Problem forbidden(String kind, String detail) {
        return new Problem(403, kind, "Forbidden", detail);
    }

    public static Problem unprocessable(String kind, String detail) {
        return new Problem(422, kind, "Unprocessable content", detail);
    }

    @Override
    public Problem with(String property, Object value) {
        super.with(property, value);
        return this;
    }
}
