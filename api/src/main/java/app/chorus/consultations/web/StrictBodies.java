package app.chorus.consultations.web;

import app.chorus.shared.Problem;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/** Reads request bodies refusing unknown fields and wrong types, as problems naming the field and the rule. */
@Component
class StrictBodies {

    private final JsonMapper json;

    StrictBodies(JsonMapper json) {
        this.json = json.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    <T> Mono<T> read(Mono<String> body, Class<T> type) {
        return body.switchIfEmpty(Mono.error(() -> Problem.badRequest("body-required", "Send a JSON body.").with("rule", "body-required")))
            .map(text -> {
                try {
                    T value = json.readValue(text, type);
                    if (value == null) {
                        throw Problem.badRequest("body-required", "Send a JSON object.").with("rule", "body-required");
                    }
                    return value;
                } catch (UnrecognizedPropertyException unknown) {
                    throw Problem.badRequest("unknown-field", "'" + path(unknown) + "' is not a field of this request: remove it.")
                        .with("field", path(unknown)).with("rule", "unknown-field");
                } catch (DatabindException wrong) {
                    throw Problem.badRequest("wrong-type", "'" + path(wrong) + "' has the wrong type or format: check the API documentation.")
                        .with("field", path(wrong)).with("rule", "wrong-type");
                } catch (JacksonException malformed) {
                    throw Problem.badRequest("malformed-json", "The body is not valid JSON.").with("rule", "malformed-json");
                }
            });
    }

    private static String path(DatabindException failure) {
        return failure.getPath().stream()
            .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
            .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
