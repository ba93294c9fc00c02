package app.chorus.gateway.testing;

import app.chorus.testing.Tokens;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceRole;
import app.chorus.questionnaires.Question;
import app.chorus.questionnaires.Questionnaire;
import app.chorus.questionnaires.Section;
import app.chorus.surveys.Anonymity;
import app.chorus.surveys.internal.SurveyDraft;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What staff do on the web, straight against the api (they do not use the mobile gateway): publish, edit and
 * retract announcements, open surveys and consultations. Real HTTP, real tokens.
 */
public final class Staff {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    private final WebTestClient api;

    /** Staff of the test trust's api. */
    public Staff() {
        this(RunningApi.url());
    }

    public Staff(String apiUrl) {
        this.api = WebTestClient.bindToServer().baseUrl(apiUrl).responseTimeout(Duration.ofSeconds(30)).build();
    }

    /**
     * A post from a school (or the trust when {@code schoolId} is null) to the carers of the given schools; one that
     * asks for acknowledgement is IMPORTANT (the api allows acknowledgement only then).
     */
    public static Map<String, Object> post(String schoolId, List<String> toSchools, String title, boolean acknowledge) {
        Map<String, Object> post = new LinkedHashMap<>();
        if (schoolId != null) {
            post.put("schoolId", schoolId);
        }
        post.put("audience", Map.of("scope", "SCHOOLS", "ids", toSchools, "roles", List.of("CARERS")));
        post.put("requiresAcknowledgement", acknowledge);
        post.put("priority", acknowledge ? "IMPORTANT" : "NORMAL");
        post.put("translations", Map.of("en", Map.of("title", title, "body", "About " + title + ".")));
        return post;
    }

    /** Creates and submits (published at once for school leaders and the trust); returns its id. */
    public String publish(String login, Map<String, Object> post) {
        String id = (String) call(HttpMethod.POST, login, "/api/v1/announcements", post).get("id");
        call(HttpMethod.POST, login, "/api/v1/announcements/" + id + "/submit", null);
        return id;
    }

    /** A one-question survey of a school's carers, opened at once; returns its id. */
    public String openSurvey(String login, String schoolId, String title) {
        SurveyDraft draft = new SurveyDraft(title, "We read every answer.",
            Audience.schools(Set.of(schoolId), AudienceRole.CARERS), Anonymity.NAMED, false, null,
            Instant.now().plus(7, ChronoUnit.DAYS),
            Questionnaire.of(Section.of("school", "Your child at school", Question.likert("happy", "My child is happy at school", true))));
        String id = (String) call(HttpMethod.POST, login, "/api/v1/surveys", draft).get("id");
        call(HttpMethod.POST, login, "/api/v1/surveys/" + id + "/open", null);
        return id;
    }

    /** A school's advisory consultation of its carers, in its ideas phase since a minute ago; returns its id. */
    public String openConsultation(String login, String schoolId, String title) {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("schoolId", schoolId);
        draft.put("defaultLanguage", "en");
        draft.put("translations", Map.of("en", Map.of("title", title, "question", "What should we do?", "body", "Tell us.")));
        draft.put("decider", Map.of("binding", false, "decidedBy", "the governing body"));
        draft.put("audience", Map.of("scope", "SCHOOLS", "ids", List.of(schoolId), "roles", List.of("CARERS")));
        draft.put("phases", List.of(Map.of("phase", "IDEAS", "startsAt", Instant.now().minus(1, ChronoUnit.MINUTES).toString())));
        return (String) call(HttpMethod.POST, login, "/api/v1/consultations", draft).get("id");
    }

    /** Moves a consultation on now (past the end of its last phase, it closes). */
    public void advance(String login, String consultationId) {
        call(HttpMethod.POST, login, "/api/v1/consultations/" + consultationId + "/advance", null);
    }

    public void edit(String login, String id, Map<String, Object> post) {
        call(HttpMethod.PUT, login, "/api/v1/announcements/" + id, post);
    }

    public void retract(String login, String id) {
        call(HttpMethod.POST, login, "/api/v1/announcements/" + id + "/retract", Map.of("reason", "Sent in error"));
    }

    public Map<String, Object> reach(String login, String id) {
        return call(HttpMethod.GET, login, "/api/v1/announcements/" + id + "/reach", null);
    }

    public Map<String, Object> call(HttpMethod method, String login, String path, Object body) {
        WebTestClient.RequestBodySpec request = api.method(method).uri(path).header("Authorization", Tokens.bearer(login));
        WebTestClient.ResponseSpec response = body == null ? request.exchange() : request.bodyValue(body).exchange();
        return response.expectStatus().is2xxSuccessful().expectBody(JSON).returnResult().getResponseBody();
    }
}
