package app.chorus.directory;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;

/**
 * Coverage-guided fuzzing of the roster upload as the trust administrator sends it (Jazzer): whatever parts and
 * bytes arrive, the answer is never a 5xx, and an answer that refuses the set leaves every directory collection as
 * it was. The fuzzer starts from a school's real export and damages it. Its execution turns Jazzer's SSRF detector
 * off: the only connections are the test's own, to the api, its store and Keycloak on loopback.
 */
@ApiTest
class RosterUploadFuzzTests {

    private static final List<String> NAMES = List.of("manifest.csv", "orgs.csv", "academicSessions.csv", "users.csv",
        "classes.csv", "roles.csv", "enrollments.csv", "roster.zip", "notes.txt", "");
    private static final List<String> COLLECTIONS = List.of("directory_orgs", "directory_classes", "directory_people",
        "directory_sessions", "directory_roster_sources", "directory_roster_rows");
    private static final RosterFileSet PRISTINE = RosterFileSet.oneSchool("sch-901", "Fuzz Primary", 3);

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @FuzzTest(maxDuration = "60s")
    void noUploadGivesAServerErrorOrAPartialWrite(FuzzedDataProvider data) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        int parts = data.consumeInt(0, 8);
        for (int i = 0; i < parts; i++) {
            String name = NAMES.get(data.consumeInt(0, NAMES.size() - 1));
            byte[] bytes = data.consumeBoolean() && !name.isEmpty() && PRISTINE.dir.resolve(name).toFile().exists()
                ? damaged(PRISTINE.read(name).getBytes(java.nio.charset.StandardCharsets.UTF_8), data)
                : data.consumeBytes(data.consumeInt(0, 2048));
            String field = data.consumeBoolean() ? "files" : data.pickValue(List.of("file", "upload", "files[]"));
            body.part(field, new ByteArrayResource(bytes)).filename(name);
        }
        String query = data.pickValue(List.of("dryRun=true", "dryRun=false", "dryRun=maybe", "confirmDeletions=true", ""));
        List<Long> before = counts();
        EntityExchangeResult<byte[]> answer = web.post().uri("/api/v1/directory/imports?" + query)
            .header("Authorization", Tokens.bearer("leader.trust"))
            .body(BodyInserters.fromMultipartData(body.build()))
            .exchange().expectBody().returnResult();
        int status = answer.getStatus().value();
        assertThat(status).as("answer to a damaged upload: %s", new String(answer.getResponseBodyContent() == null
            ? new byte[0] : answer.getResponseBodyContent())).isLessThan(500);
        if (status >= 400) {
            assertThat(answer.getResponseHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(counts()).as("a refused upload writes nothing").isEqualTo(before);
        }
    }

    private static byte[] damaged(byte[] bytes, FuzzedDataProvider data) {
        int at = data.consumeInt(0, bytes.length);
        byte[] extra = data.consumeBytes(data.consumeInt(0, 32));
        byte[] out = new byte[at + extra.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(extra, 0, out, at, extra.length);
        return out;
    }

    private List<Long> counts() {
        return Flux.fromIterable(COLLECTIONS).concatMap(collection -> mongo.getCollection(collection)
            .flatMap(c -> reactor.core.publisher.Mono.from(c.countDocuments()))).collectList().block();
    }
}
