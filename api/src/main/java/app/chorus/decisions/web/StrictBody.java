package app.chorus.decisions.web;

import app.chorus.shared.Problem;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies read strictly: an unknown field, or a value of the wrong type, is refused with a problem naming the
 * field, before anything is written.
 */
@Component
class StrictBody {

    private final JsonMapper strict;

    StrictBody(ObjectProvider<JsonMapper> mapper) {
        this.strict = mapper.getIfAvailable(() -> JsonMapper.builder().build()).rebuild()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    }

    <T> T read(JsonNode body, Class<T> type) {
        if (body == null || !body.isObject()) {
            throw Problem.badRequest("invalid-body", "Send a JSON object.");
        }
        try {
            return strict.treeToValue(body, type);
        } catch (DatabindException failure) {
            throw refused(failure);
        }
    }

    /**
     * The body bound straight from its bytes, with no tree in between (ADR 0333): the same checks and the same
     * problems as {@link #read(JsonNode, Class)}; a body that is not JSON at all is the edge's {@code malformed-json}.
     */
    <T> T read(byte[] body, Class<T> type) {
        if (!startsAnObject(body)) {
            throw Problem.badRequest("invalid-body", "Send a JSON object.");
        }
        try {
            return strict.readValue(body, type);
        } catch (DatabindException failure) {
            throw refused(failure);
        }
    }

    private static boolean startsAnObject(byte[] body) {
        for (byte b : body == null ? new byte[0] : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return b == '{';
            }
        }
        return false;
    }

    private static RuntimeException refused(DatabindException failure) {
        String field = path(failure);
        if (failure instanceof UnrecognizedPropertyException unknown) {
            return Problem.badRequest("unknown-field", "'" + field + "' is not a field here; remove it (known fields: "
                + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ").")
                .with("errors", java.util.List.of(java.util.Map.of("field", field, "rule", "unknown-field",
                    "message", "Not a field of this request.")));
        }
        return Problem.badRequest("wrong-type", "'" + field + "' has a value of the wrong type or format; check it against "
            + "/v3/api-docs.").with("errors", java.util.List.of(java.util.Map.of("field", field, "rule", "type",
                "message", "Wrong type or format.")));
    }

    private static String path(DatabindException failure) {
        StringBuilder path = new StringBuilder();
        failure.getPath().forEach(reference -> {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        });
        return path.isEmpty() ? "(body)" : path.toString();
    }
}
