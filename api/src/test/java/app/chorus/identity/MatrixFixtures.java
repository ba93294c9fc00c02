package app.chorus.identity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One of each kind of thing in a school, made over HTTP by the trust leader (and a pupil of the school where a
 * pupil's contribution is needed): the path parameters of the matrix's requests. What could not be made stays a
 * placeholder id, which the matrix then records as such (every role gets the same answer for it).
 */
final class MatrixFixtures {

    private final Map<String, String> values = new LinkedHashMap<>();

    private MatrixFixtures() {
    }

    /** {@code pupil} is a pupil of {@code school} (for the survey unit and a statement awaiting moderation). */
    static MatrixFixtures of(String school, String pupilId, WebTestClient leader, WebTestClient pupil) {
        MatrixFixtures fixtures = new MatrixFixtures();
        Map<String, Object> carersAndStaff = audience(school, "CARERS", "STAFF", "PUPILS");
        fixtures.put("school", school);
        fixtures.put("schoolId", school);
        fixtures.put("unit", pupilId);
        fixtures.put("pupilId", pupilId);
        fixtures.put("installationId", "matrix-device");
        fixtures.put("questionId", "ideas");
        String announcement = fixtures.made("announcement", () -> id(leader, HttpMethod.POST, "/api/v1/announcements", Map.of(
            "schoolId", school, "audience", carersAndStaff,
            "translations", Map.of("en", Map.of("title", "Matrix notice", "body", "For the authorization matrix.")))));
        fixtures.made("submitted", () -> id(leader, HttpMethod.POST, "/api/v1/announcements/" + announcement + "/submit", null));
        fixtures.put("id.announcements", announcement);
        fixtures.put("id.feed", announcement);
        String survey = fixtures.made("surveyId", () -> id(leader, HttpMethod.POST, "/api/v1/surveys", survey(carersAndStaff)));
        fixtures.made("opened", () -> id(leader, HttpMethod.POST, "/api/v1/surveys/" + survey + "/open", null));
        String consultation = fixtures.made("consultationId", () -> id(leader, HttpMethod.POST, "/api/v1/consultations",
            consultation(school, carersAndStaff)));
        String idea = fixtures.made("ideaId", () -> id(leader, HttpMethod.POST,
            "/api/v1/consultations/" + consultation + "/ideas", Map.of("title", "Matrix idea", "body", "Because it helps.")));
        fixtures.put("intoId", idea);
        fixtures.made("commentId", () -> id(leader, HttpMethod.POST, "/api/v1/consultations/" + consultation + "/comments",
            Map.of("ideaId", idea, "stance", "FOR", "body", "Agreed.")));
        fixtures.made("decisionId", () -> id(leader, HttpMethod.POST, "/api/v1/decisions", decision(school)));
        String conversation = fixtures.made("id.opinions", () -> id(leader, HttpMethod.POST, "/api/v1/opinions/conversations",
            Map.of("topic", "Matrix conversation", "schoolId", school, "audience", audience(school, "PUPILS"))));
        String statement = fixtures.made("statement", () -> id(pupil, HttpMethod.POST,
            "/api/v1/opinions/conversations/" + conversation + "/statements", Map.of("text", "Longer breaks would help us learn.")));
        fixtures.put("kind", "opinion-statement");
        fixtures.put("id.moderation", statement);
        return fixtures;
    }

    /** The value of a path parameter of {@code path}; ids are told apart by the resource the path names. */
    String value(String path, String parameter) {
        if (parameter.equals("id")) {
            for (String resource : List.of("announcements", "feed", "opinions", "moderation")) {
                if (path.startsWith("/api/v1/" + resource + "/")) {
                    return values.getOrDefault("id." + resource, "missing-" + resource);
                }
            }
            return "missing-id";
        }
        return values.getOrDefault(parameter, "missing-" + parameter);
    }

    /** The same fixtures with the device id another test uses, so the devices it registers stay apart from the matrix's. */
    MatrixFixtures withInstallation(String installationId) {
        put("installationId", installationId);
        return this;
    }

    private void put(String name, String value) {
        values.put(name, value);
    }

    private String made(String name, Supplier<String> make) {
        String value;
        try {
            value = make.get();
        } catch (AssertionError | RuntimeException notMade) {
            value = "missing-" + name;
        }
        values.put(name, value);
        return value;
    }

    @SuppressWarnings("unchecked")
    private static String id(WebTestClient client, HttpMethod method, String path, Object body) {
        WebTestClient.RequestBodySpec request = client.method(method).uri(path);
        Map<String, Object> made = (body == null ? request : request.bodyValue(body)).exchange()
            .expectStatus().is2xxSuccessful().expectBody(Map.class).returnResult().getResponseBody();
        return String.valueOf(made.get("id"));
    }

    private static Map<String, Object> audience(String school, String... roles) {
        return Map.of("scope", "SCHOOLS", "ids", List.of(school), "roles", List.of(roles));
    }

    private static Map<String, Object> survey(Map<String, Object> audience) {
        Map<String, Object> question = Map.of("id", "ideas", "type", "FREE_TEXT", "text", "One thing we could do better",
            "required", false, "maxLength", 500);
        return Map.of("title", "Matrix survey", "description", "We read every answer.", "audience", audience,
            "anonymity", "NAMED", "namedForPupilsReason", "Pupils are asked by name so the school can follow up.", "closesAt", Instant.now().plus(7, ChronoUnit.DAYS).toString(),
            "questionnaire", Map.of("sections", List.of(Map.of("id", "s", "title", "Ideas", "questions", List.of(question)))));
    }

    private static Map<String, Object> consultation(String school, Map<String, Object> audience) {
        return Map.of("schoolId", school, "defaultLanguage", "en",
            "translations", Map.of("en", Map.of("title", "Matrix consultation", "question", "What should we do?", "body", "Tell us.")),
            "decider", Map.of("binding", false, "decidedBy", "the governing body"), "audience", audience,
            "phases", List.of(Map.of("phase", "IDEAS", "startsAt", Instant.now().minus(1, ChronoUnit.MINUTES).toString()),
                Map.of("phase", "DELIBERATION", "startsAt", Instant.now().plus(1, ChronoUnit.DAYS).toString())));
    }

    private static Map<String, Object> decision(String school) {
        return Map.of("question", Map.of("en", "Which uniform supplier should we choose?"), "method", "APPROVAL",
            "options", List.of(Map.of("id", "a", "label", Map.of("en", "Alder")), Map.of("id", "b", "label", Map.of("en", "Birch"))),
            "audience", Map.of("scope", "SCHOOLS", "ids", List.of(school), "roles", List.of("CARERS")),
            "ballotUnit", "PER_CHILD", "anonymity", "NAMED", "schoolId", school,
            "closesAt", Instant.now().plus(7, ChronoUnit.DAYS).toString());
    }
}
