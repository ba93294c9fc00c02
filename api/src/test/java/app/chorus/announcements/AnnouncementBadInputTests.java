package app.chorus.announcements;

import static app.chorus.announcements.AnnouncementSteps.audience;
import static app.chorus.announcements.AnnouncementSteps.post;
import static app.chorus.announcements.AnnouncementSteps.with;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
class AnnouncementBadInputTests {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    private static final byte[] PDF = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj <<>> endobj\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    @Autowired
    WebTestClient web;

    private Map<String, Object> oakfieldPost() {
        return post("sch-001", audience("SCHOOLS", List.of("sch-001"), "CARERS"), "Library books", "Return them by Friday.");
    }

    @Test
    void unknownAudienceKeysAreRefusedAndNothingIsWritten() {
        AnnouncementSteps steps = new AnnouncementSteps(web);
        int before = mine(steps, "head.oakfield");
        problem(steps.call(HttpMethod.POST, "head.oakfield", "/api/v1/announcements",
            post("sch-001", audience("CLASSES", List.of("cls-001-NOPE"), "CARERS"), "T", "B")), 400, "audience-unknown")
            .jsonPath("$.unknown[0]").isEqualTo("cls-001-NOPE");
        assertThat(mine(steps, "head.oakfield")).isEqualTo(before);
    }

    @Test
    void publishingOutsideYourScopeIsRefused() {
        AnnouncementSteps steps = new AnnouncementSteps(web);
        int before = mine(steps, "teacher.oakfield");
        problem(steps.call(HttpMethod.POST, "teacher.oakfield", "/api/v1/announcements", oakfieldPost()), 403, "audience-outside-scope");
        problem(steps.call(HttpMethod.POST, "head.oakfield", "/api/v1/announcements",
            post("sch-001", audience("SCHOOLS", List.of("sch-002"), "CARERS"), "T", "B")), 403, "audience-outside-scope");
        problem(steps.call(HttpMethod.POST, "head.oakfield", "/api/v1/announcements",
            post(null, audience("TRUST", List.of(), "CARERS"), "T", "B")), 403, "audience-outside-scope");
        assertThat(mine(steps, "teacher.oakfield")).isEqualTo(before);
    }

    @Test
    void aPublishTimeInThePastIsRefused() {
        AnnouncementSteps steps = new AnnouncementSteps(web);
        problem(steps.call(HttpMethod.POST, "head.oakfield", "/api/v1/announcements",
            with(oakfieldPost(), "publishAt", Instant.now().minusSeconds(3600).toString())), 400, "publish-at-in-past")
            .jsonPath("$.field").isEqualTo("publishAt");
    }

    @Test
    void scriptsEventHandlersAndJavascriptLinksAreRefused() {
        AnnouncementSteps steps = new AnnouncementSteps(web);
        int before = mine(steps, "head.oakfield");
        for (String body : List.of("<script>alert('x')</script>", "<img src=x onerror=alert(1)>", "[win a prize](javascript:alert(1))")) {
            problem(steps.call(HttpMethod.POST, "head.oakfield", "/api/v1/announcements",
                post("sch-001", audience("SCHOOLS", List.of("sch-001"), "CARERS"), "T", body)), 400, "unsafe-markdown");
        }
        problem(steps.call(HttpMethod.POST, "head.oakfield", "/api/v1/announcements",
            with(oakfieldPost(), "links", List.of(Map.of("title", "x", "url", "javascript:alert(1)")))), 400, "unsafe-link");
        assertThat(mine(steps, "head.oakfield")).isEqualTo(before);
    }

    @Test
    void oversizedAndDisguisedAttachmentsAreRefusedAndAGenuinePdfIsKept() {
        AnnouncementSteps steps = new AnnouncementSteps(web);
        String id = (String) steps.ok(HttpMethod.POST, "head.oakfield", "/api/v1/announcements", oakfieldPost()).get("id");
        String path = "/api/v1/announcements/" + id + "/attachments?filename=";

        problem(upload(path + "letter.pdf", "application/pdf", PNG), 400, "attachment-disguised")
            .jsonPath("$.detectedType").isEqualTo("image/png");
        problem(upload(path + "setup.pdf", "application/pdf", new byte[] {'M', 'Z', 0, 0, 1, 2, 3, 4}), 400, "attachment-type-not-allowed");
        byte[] huge = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, huge, 0, PDF.length);
        problem(upload(path + "huge.pdf", "application/pdf", huge), 413, "attachment-too-large");
        assertThat((List<?>) steps.ok(HttpMethod.GET, "head.oakfield", "/api/v1/announcements/" + id, null).get("attachments")).isEmpty();

        upload(path + "letter.pdf", "application/pdf", PDF).expectStatus().isCreated()
            .expectBody().jsonPath("$.contentType").isEqualTo("application/pdf");
        List<Map<String, Object>> attachments = (List<Map<String, Object>>) steps.ok(HttpMethod.GET, "head.oakfield",
            "/api/v1/announcements/" + id, null).get("attachments");
        assertThat(attachments).singleElement().satisfies(attachment -> assertThat(attachment.get("size")).isEqualTo(PDF.length));
        byte[] downloaded = web.get().uri("/api/v1/announcements/" + id + "/attachments/" + attachments.get(0).get("id"))
            .header("Authorization", Tokens.bearer("head.oakfield")).exchange()
            .expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF)
            .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(downloaded).isEqualTo(PDF);
    }

    @Test
    void editingARetractedPostIsAConflictAndChangesNothing() {
        AnnouncementSteps steps = new AnnouncementSteps(web);
        String id = (String) steps.publish("head.oakfield", oakfieldPost()).get("id");
        steps.ok(HttpMethod.POST, "head.oakfield", "/api/v1/announcements/" + id + "/retract", Map.of("reason", "Wrong date"));

        problem(steps.call(HttpMethod.PUT, "head.oakfield", "/api/v1/announcements/" + id,
            post("sch-001", audience("SCHOOLS", List.of("sch-001"), "CARERS"), "Library books (new date)", "Monday.")),
            409, "announcement-retracted");
        Map<String, Object> after = steps.ok(HttpMethod.GET, "head.oakfield", "/api/v1/announcements/" + id, null);
        assertThat(after.get("version")).isEqualTo(1);
        assertThat(((Map<String, Map<String, Object>>) after.get("translations")).get("en").get("title")).isEqualTo("Library books");
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyReturnsTheSameDraft() {
        String key = "create-" + System.nanoTime();
        String first = create(key).expectStatus().isCreated().expectBody(AnnouncementSteps.JSON).returnResult().getResponseBody().get("id").toString();
        String second = create(key).expectStatus().isOk().expectBody(AnnouncementSteps.JSON).returnResult().getResponseBody().get("id").toString();
        assertThat(second).isEqualTo(first);
    }

    private WebTestClient.ResponseSpec create(String key) {
        return web.post().uri("/api/v1/announcements").header("Authorization", Tokens.bearer("head.oakfield"))
            .header("Idempotency-Key", key).bodyValue(oakfieldPost()).exchange();
    }

    private WebTestClient.ResponseSpec upload(String path, String contentType, byte[] bytes) {
        return web.post().uri(path).header("Authorization", Tokens.bearer("head.oakfield"))
            .contentType(MediaType.parseMediaType(contentType)).bodyValue(bytes).exchange();
    }

    private static WebTestClient.BodyContentSpec problem(WebTestClient.ResponseSpec response, int status, String kind) {
        return response.expectStatus().isEqualTo(status)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.type").isEqualTo("urn:chorus:problem:" + kind);
    }

    @SuppressWarnings("unchecked")
    private static int mine(AnnouncementSteps steps, String login) {
        return ((List<Object>) steps.ok(HttpMethod.GET, login, "/api/v1/announcements?limit=100", null).get("items")).size();
    }
}
