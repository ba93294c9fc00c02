package app.chorus.gateway.testing;

import app.chorus.testing.Tokens;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The demo carer's app (carer.demo) calling the gateway. */
public final class CarerPhone {

    private CarerPhone() {
    }

    /** GETs a mobile endpoint as carer.demo; the body of the 200 as text. */
    public static String get(WebTestClient gateway, String path) {
        return gateway.get().uri(path)
            .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("carer.demo"))
            .exchange()
            .expectStatus().isOk()
            .expectBody(String.class).returnResult().getResponseBody();
    }
}
