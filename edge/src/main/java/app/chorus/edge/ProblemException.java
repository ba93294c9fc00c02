package app.chorus.edge;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure a caller can act on, answered as RFC 9457 problem details by {@link ProblemErrorHandler}: {@code type}
 * ({@code urn:chorus:problem:<kind>}) is stable per kind of error, {@code detail} says what to do next.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String kind;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(int status, String kind, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.kind = kind;
        this.title = title;
    }

    public static URI typeOf(String kind) {
        return URI.create("urn:chorus:problem:" + kind);
    }

    /** An extension member of the problem body, such as {@code field}. */
    public ProblemException with(String property, Object value) {
        properties.put(property, value);
        return this;
    }

    /** A response header sent with the problem, such as {@code Retry-After}. */
    public ProblemException header(String name, String value) {
        headers.put(name, value);
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

    public Map<String, String> headers() {
        return headers;
    }
}
