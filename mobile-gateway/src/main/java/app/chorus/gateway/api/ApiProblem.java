package app.chorus.gateway.api;

/**
 * The api answered with an error (a problem body, usually 4xx): the gateway relays it unchanged, so the
 * app sees the api's own message and the same requestId. Not a sign the api is down: the breaker ignores it.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final byte[] body;

    public ApiProblem(int status, byte[] body) {
        super("api answered " + status, null, false, false);
        this.status = status;
        this.body = body.clone();
    }

    public int status() {
        return status;
    }

    public byte[] body() {
        return body.clone();
    }
}
