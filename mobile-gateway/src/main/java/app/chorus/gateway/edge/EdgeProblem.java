package app.chorus.gateway.edge;

import java.util.LinkedHashMap;
import java.util.Map;

/** A failure the edge answers itself (rate limit, old app, api down, bad input), as problem details. */
public class EdgeProblem extends RuntimeException {

    private final int status;
    private final String kind;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public EdgeProblem(int status, String kind, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.kind = kind;
        this.title = title;
    }

    public static EdgeProblem badRequest(String kind, String detail) {
        return new EdgeProblem(400, kind, "Bad request", detail);
    }

    public static EdgeProblem apiUnavailable() {
        return new EdgeProblem(503, "api-unavailable", "Service unavailable",
            "Chorus cannot reach its service right now. Your app keeps what it has; try again in a minute.")
            .header("Retry-After", "30");
    }

    public EdgeProblem with(String property, Object value) {
        properties.put(property, value);
        return this;
    }

    public EdgeProblem header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
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
