package app.chorus.testing.fuzz;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A plausible body for an OpenAPI schema: every property filled (the first enum value, a time a day ahead, one
 * element per list), with the values a few well-known names need to pass the api's first checks (school ids,
 * languages), so the mangling starts from a body that gets past the outer door.
 */
public final class SchemaExamples {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 8;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode schemas;
    private final Map<String, ?> known;

    /** {@code document} is the whole OpenAPI document; {@code known} gives a property's value (any JSON) by its name. */
    public SchemaExamples(JsonNode document, Map<String, ?> known) {
        this.schemas = document.path("components").path("schemas");
        this.known = known;
    }

    public JsonNode of(JsonNode schema) {
        return of(schema, "", 0);
    }

    private JsonNode of(JsonNode schema, String name, int depth) {
        if (known.containsKey(name)) {
            return JSON.valueToTree(known.get(name));
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            return depth > MAX_DEPTH ? NODES.objectNode() : of(schemas.path(ref.substring(ref.lastIndexOf('/') + 1)), name, depth + 1);
        }
        for (String choice : new String[] {"oneOf", "anyOf", "allOf"}) {
            if (schema.has(choice) && !schema.get(choice).isEmpty()) {
                return of(schema.get(choice).get(0), name, depth + 1);
            }
        }
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asString() : schema.path("type").asString("object");
        return switch (type) {
            case "string" -> NODES.stringNode(text(schema, name));
            case "integer" -> NODES.numberNode(schema.path("minimum").asLong(1));
            case "number" -> NODES.numberNode(schema.path("minimum").asDouble(1));
            case "boolean" -> NODES.booleanNode(false);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(of(schema.path("items"), singular(name), depth + 1));
                yield array;
            }
            default -> object(schema, depth);
        };
    }

    private JsonNode object(JsonNode schema, int depth) {
        ObjectNode object = NODES.objectNode();
        if (depth > MAX_DEPTH) {
            return object;
        }
        JsonNode properties = schema.path("properties");
        for (String property : properties.propertyNames()) {
            object.set(property, of(properties.get(property), property, depth + 1));
        }
        JsonNode additional = schema.path("additionalProperties");
        if (additional.isObject() && properties.isEmpty()) {
            object.set("en", of(additional, "en", depth + 1));
        }
        return object;
    }

    private String text(JsonNode schema, String name) {
        String format = schema.path("format").asString("");
        return switch (format) {
            case "date-time" -> Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
            case "date" -> Instant.now().plus(1, ChronoUnit.DAYS).toString().substring(0, 10);
            case "duration" -> "PT1H";
            default -> "Some words about " + (name.isEmpty() ? "it" : name);
        };
    }

    private static String singular(String name) {
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }
}
