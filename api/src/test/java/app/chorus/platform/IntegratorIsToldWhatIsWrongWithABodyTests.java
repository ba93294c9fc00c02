package app.chorus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Tried as an integrating developer would: a misspelt or mistyped field is refused by name, and nothing is written. */
@ApiTest
class IntegratorIsToldWhatIsWrongWithABodyTests {

    @Autowired
    WebTestClient web;

    @Test
    void theUsSpellingOfAcknowledgementIsRefusedWithTheKnownNameSuggested() {
        int before = mine();
        post("""
            {"schoolId":"sch-001","audience":{"scope":"SCHOOLS","ids":["sch-001"],"roles":["CARERS"]},
             "defaultLanguage":"en","translations":{"en":{"title":"Trip","body":"Bring a coat."}},
             "priority":"IMPORTANT","requiresAcknowledgment":true}""")
            .expectStatus().isBadRequest()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type").isEqualTo("urn:chorus:problem:unknown-field")
            .jsonPath("$.field").isEqualTo("requiresAcknowledgment")
            .jsonPath("$.suggestion").isEqualTo("requiresAcknowledgement");
        assertThat(mine()).as("nothing written").isEqualTo(before);
    }

    @Test
    void aWrongTypeNamesTheFieldAndWhatItMustBe() {
        post("""
            {"schoolId":"sch-001","audience":{"scope":"SCHOOLS","ids":["sch-001"],"roles":["CARERS"]},
             "defaultLanguage":"en","translations":{"en":{"title":"Trip","body":"Bring a coat."}},"priority":"LOUD"}""")
            .expectStatus().isBadRequest()
            .expectBody()
            .jsonPath("$.type").isEqualTo("urn:chorus:problem:wrong-type")
            .jsonPath("$.field").isEqualTo("priority")
            .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("NORMAL").contains("URGENT"));
        post("{\"schoolId\": ").expectStatus().isBadRequest()
            .expectBody().jsonPath("$.type").isEqualTo("urn:chorus:problem:malformed-json");
    }

    private WebTestClient.ResponseSpec post(String json) {
        return web.post().uri("/api/v1/announcements").header("Authorization", Tokens.bearer("head.oakfield"))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    @SuppressWarnings("unchecked")
    private int mine() {
        Map<String, Object> page = web.get().uri("/api/v1/announcements?limit=100").header("Authorization", Tokens.bearer("head.oakfield"))
            .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Object>) page.get("items")).size();
    }
}
