package app.chorus.testing.fuzz;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the answer to damaged input must be: never a 5xx; a 4xx is a problem with a type and a detail, and a 400 names the field or the rule. */
public final class Refusals {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Refusals() {
    }

    /** What is wrong with the answer, or null when it keeps the rules. */
    public static String whatIsWrong(int status, String contentType, byte[] answer) {
        String text = answer == null ? "" : new String(answer, StandardCharsets.UTF_8);
        if (status >= 500) {
            return "is a server error: " + text;
        }
        if (status < 400) {
            return null;
        }
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            return "is not a problem (" + contentType + "): " + text;
        }
        JsonNode body = JSON.readTree(text);
        if (!body.path("type").isString() || body.path("detail").asString("").isBlank()) {
            return "has no type or detail: " + text;
        }
        if (status == 400 && !(body.has("field") || body.has("errors") || body.has("rule"))) {
            return "names neither a field nor the rule: " + text;
        }
        return null;
    }
}
