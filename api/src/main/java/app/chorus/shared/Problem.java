package app.chorus.shared;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure a caller can act on. Rendered as RFC 9457 problem details by the platform's
 * web error handler: {@code type} is stable per kind of error, {@code detail} says what to do next.
 */
public class Problem extends RuntimeException {

    private final int status;
    private final String kind;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public Problem(int status, String kind, String title, String detail) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
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

    public Problem with(String property, Object value) {
        properties.put(property, value);
        return this;
    }

    public int status() {
        return status;
    }

    public URI type() {
        return typeOf(kind);
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public static URI typeOf(String kind) {
        return URI.create("urn:chorus:problem:" + kind);
    }
}
