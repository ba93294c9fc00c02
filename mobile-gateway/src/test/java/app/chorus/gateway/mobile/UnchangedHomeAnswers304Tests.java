package app.chorus.gateway.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.gateway.testing.GatewayTest;
import app.chorus.gateway.testing.Staff;
import app.chorus.testing.Tokens;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** An app polling with its last ETag gets 304 and no body until something really changed. */
@GatewayTest
class UnchangedHomeAnswers304Tests {

    @Autowired
    WebTestClient gateway;

    final Staff staff = new Staff();

    @Test
    void homeIs304UntilANewAnnouncementArrives() {
        // Other tests' scheduled posts may still land in the shared context: poll as an app does until the home holds still.
        String etag = Awaitility.await().atMost(Duration.ofSeconds(30)).until(this::etagAnsweredWith304, Objects::nonNull);

        staff.publish("head.oakfield", Staff.post("sch-001", List.of("sch-001"), "Snow closure", true));
        String changed = get("/mobile/v1/home", etag).expectStatus().isOk()
            .expectBody(String.class).returnResult().getResponseHeaders().getETag();
        assertThat(changed).isNotEqualTo(etag);
    }

    @Test
    void syncIs304WhenNothingChangedSinceTheCursor() {
        String cursor = JsonPath.read(get("/mobile/v1/home", null).expectStatus().isOk()
            .expectBody(String.class).returnResult().getResponseBody(), "$.sync");
        String path = "/mobile/v1/sync?since=" + cursor;
        String etag = get(path, null).expectStatus().isOk().expectBody(String.class).returnResult()
            .getResponseHeaders().getETag();

        get(path, etag).expectStatus().isNotModified();
    }

    /** A fresh ETag when asking again with it answers 304 and no body; null when the home changed in between. */
    private String etagAnsweredWith304() {
        EntityExchangeResult<String> first = get("/mobile/v1/home", null).expectStatus().isOk()
            .expectBody(String.class).returnResult();
        String etag = first.getResponseHeaders().getETag();
        assertThat(etag).startsWith("\"");
        EntityExchangeResult<byte[]> again = get("/mobile/v1/home", etag).expectBody().returnResult();
        if (again.getStatus().value() != 304) {
            return null;
        }
        assertThat(again.getResponseBody()).isNullOrEmpty();
        return etag;
    }

    private WebTestClient.ResponseSpec get(String path, String ifNoneMatch) {
        WebTestClient.RequestHeadersSpec<?> request = gateway.get().uri(path)
            .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("carer.demo"));
        if (ifNoneMatch != null) {
            request = request.header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch);
        }
        return request.exchange();
    }
}
