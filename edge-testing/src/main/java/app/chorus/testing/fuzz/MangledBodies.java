package app.chorus.testing.fuzz;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Request bodies as a careless, confused or hostile client sends them, made from one body the endpoint would accept:
 * each a single kind of damage (an unknown field, a wrong type, a null, a missing field, a huge string, deep nesting,
 * odd unicode, a number out of range, a duplicate field, truncated or not JSON at all) at a place picked by the
 * {@link Choices}, so a seeded run is the same every time and a fuzzer's bytes steer it.
 */
public final class MangledBodies {

    /** One kind of damage. */
    public enum Kind {
        UNKNOWN_FIELD, WRONG_TYPE, NULL_VALUE, MISSING_FIELD, HUGE_STRING, OVERSIZED_BODY, DEEP_NESTING, UNICODE,
        NUMBER_OUT_OF_RANGE, DUPLICATE_FIELD, TRUNCATED, NOT_AN_OBJECT, EMPTY, INVALID_UTF8, SEVERAL
    }

    /** A damaged body, with what was done to it and where (for the failure message). */
    public record Mangled(Kind kind, String where, byte[] body) {

        public String describe() {
            String text = new String(body, StandardCharsets.UTF_8);
            return kind + " at '" + where + "': " + (text.length() > 300 ? text.substring(0, 300) + "... (" + body.length + " bytes)" : text);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String RAW = "@@raw@@";
    private static final List<String> UNKNOWN_NAMES = List.of("extra", "requiresAcknowledgment", "__proto__", "$where",
        "constructor", "id", "_class", "schoolID", "", " ", "a.b", "$set");
    private static final List<String> ODD_TEXT = List.of("🙂👪🏽‍", "\u202Eevil\u202C", "ｓｃｈ－００１", "\u0000", "Ω≈ç√∫",
        "e\u0301\u0301\u0301", "\uFEFF", "<script>alert(1)</script>", "'; db.dropDatabase(); '", "../../etc/passwd",
        "${jndi:ldap://127.0.0.1/x}", "%s%n%x", "", "   ", "\t\r\n", "ـــــ", "𝕿𝖊𝖘𝖙", "null");
    private static final List<String> ODD_RAW_TEXT = List.of("\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\\u0000\\u001f\"");
    private static final List<String> ODD_NUMBERS = List.of("1e400", "-1e400", "99999999999999999999999999", "-2147483649",
        "2147483648", "9223372036854775808", "-1", "0", "1.5", "-0.0", "1e-400", "123456789.123456789e300");
    private static final List<String> NOT_OBJECTS = List.of("[]", "[{}]", "\"text\"", "42", "null", "true", "{}", "[null]");
    private static final List<byte[]> BAD_UTF8 = List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF, (byte) 0xFE},
        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80});

    private final Choices choose;

    public MangledBodies(Choices choose) {
        this.choose = choose;
    }

    /** A body damaged in one way picked at random. */
    public Mangled mangle(JsonNode valid) {
        return mangle(valid, pick(List.of(Kind.values())));
    }

    public Mangled mangle(JsonNode valid, Kind kind) {
        JsonNode body = valid.deepCopy();
        return switch (kind) {
            case EMPTY -> new Mangled(kind, "", new byte[0]);
            case NOT_AN_OBJECT -> text(kind, "", pick(NOT_OBJECTS));
            case TRUNCATED -> truncated(body);
            case DUPLICATE_FIELD -> duplicate(body);
            case INVALID_UTF8 -> invalidUtf8(body);
            case OVERSIZED_BODY -> raw(kind, body, "\"" + "x".repeat(1_200_000) + "\"");
            case SEVERAL -> several(body);
            default -> once(body, kind);
        };
    }

    /** A query parameter's value as it should not be: out of range, the wrong type, garbage, huge. */
    public String queryValue() {
        return pick(List.of("", "-5", "0", "2147483648", "1e3", "abc", "%%%garbage", "🙂", "x".repeat(5_000),
            "2026-13-45T99:99:99Z", "null", "true", "../", "[]", "sch-999", "Zm9vYmFy", "\u0000", "ANNOUNCEMENT", "-1"));
    }

    private Mangled several(JsonNode body) {
        List<String> where = new ArrayList<>();
        int times = 2 + choose.below(3);
        String raw = null;
        for (int i = 0; i < times; i++) {
            Kind kind = pick(List.of(Kind.UNKNOWN_FIELD, Kind.WRONG_TYPE, Kind.NULL_VALUE, Kind.MISSING_FIELD, Kind.UNICODE));
            Damage damage = damage(body, kind);
            where.add(kind + "@" + damage.where());
            raw = damage.raw() != null ? damage.raw() : raw;
        }
        return serialised(Kind.SEVERAL, String.join(",", where), body, raw);
    }

    private Mangled once(JsonNode body, Kind kind) {
        Damage damage = damage(body, kind);
        return serialised(kind, damage.where(), body, damage.raw());
    }

    /** What was done to the tree, and the raw JSON text its placeholder stands for (null: none). */
    private record Damage(String where, String raw) {
    }

    private Damage damage(JsonNode body, Kind kind) {
        List<Slot> slots = slots(body, "", new ArrayList<>());
        if (slots.isEmpty() || kind == Kind.UNKNOWN_FIELD) {
            List<ObjectNode> objects = objects(body, new ArrayList<>());
            if (objects.isEmpty()) {
                return new Damage("", null);
            }
            ObjectNode target = pick(objects);
            String name = pick(UNKNOWN_NAMES);
            target.put(name, choose.below(2) == 0 ? "surprise" : "1");
            return new Damage(name, null);
        }
        Slot slot = pick(slots);
        switch (kind) {
            case WRONG_TYPE -> slot.set(wrongType(slot.get()));
            case NULL_VALUE -> slot.set(NODES.nullNode());
            case MISSING_FIELD -> slot.remove();
            case HUGE_STRING -> slot.set(NODES.stringNode("x".repeat(choose.below(2) == 0 ? 20_000 : 200_000)));
            case DEEP_NESTING -> {
                int depth = pick(List.of(64, 1_500, 5_000));
                slot.set(NODES.stringNode(RAW));
                return new Damage(slot.path(), "[".repeat(depth) + "]".repeat(depth));
            }
            case UNICODE -> {
                if (choose.below(4) == 0) {
                    slot.set(NODES.stringNode(RAW));
                    return new Damage(slot.path(), pick(ODD_RAW_TEXT));
                }
                slot.set(NODES.stringNode(pick(ODD_TEXT)));
            }
            case NUMBER_OUT_OF_RANGE -> {
                slot.set(NODES.stringNode(RAW));
                return new Damage(slot.path(), pick(ODD_NUMBERS));
            }
            default -> throw new IllegalArgumentException(kind.toString());
        }
        return new Damage(slot.path(), null);
    }

    private JsonNode wrongType(JsonNode original) {
        List<JsonNode> others = new ArrayList<>();
        for (JsonNode candidate : List.of(NODES.numberNode(42), NODES.booleanNode(true), NODES.stringNode("text"),
            NODES.arrayNode().add(1), NODES.objectNode().put("a", 1), NODES.numberNode(new BigDecimal("1.5")))) {
            if (candidate.getNodeType() != original.getNodeType()) {
                others.add(candidate);
            }
        }
        return pick(others);
    }

    private Mangled truncated(JsonNode body) {
        String text = JSON.writeValueAsString(body);
        return text(Kind.TRUNCATED, "", text.substring(0, choose.below(Math.max(1, text.length() - 1))));
    }

    private Mangled duplicate(JsonNode body) {
        if (!(body instanceof ObjectNode object) || object.isEmpty()) {
            return text(Kind.DUPLICATE_FIELD, "", "{\"a\":1,\"a\":2}");
        }
        String name = pick(new ArrayList<>(object.propertyNames()));
        String text = JSON.writeValueAsString(object);
        String again = JSON.writeValueAsString(Map.of(name, wrongType(object.get(name))));
        return text(Kind.DUPLICATE_FIELD, name, again.substring(0, again.length() - 1) + "," + text.substring(1));
    }

    private Mangled invalidUtf8(JsonNode body) {
        List<Slot> strings = slots(body, "", new ArrayList<>()).stream().filter(slot -> slot.get().isString()).toList();
        byte[] bad = pick(BAD_UTF8);
        if (strings.isEmpty()) {
            return new Mangled(Kind.INVALID_UTF8, "", concat("{\"a\":\"".getBytes(StandardCharsets.UTF_8), bad, "\"}".getBytes(StandardCharsets.UTF_8)));
        }
        Slot slot = pick(strings);
        slot.set(NODES.stringNode(RAW));
        String[] halves = JSON.writeValueAsString(body).split(RAW, 2);
        return new Mangled(Kind.INVALID_UTF8, slot.path(), concat(halves[0].getBytes(StandardCharsets.UTF_8), bad,
            halves[1].getBytes(StandardCharsets.UTF_8)));
    }

    private Mangled raw(Kind kind, JsonNode body, String raw) {
        List<Slot> slots = slots(body, "", new ArrayList<>());
        if (slots.isEmpty()) {
            return text(kind, "", raw);
        }
        Slot slot = pick(slots);
        slot.set(NODES.stringNode(RAW));
        return serialised(kind, slot.path(), body, raw);
    }

    private static Mangled serialised(Kind kind, String where, JsonNode body, String raw) {
        String text = JSON.writeValueAsString(body);
        return text(kind, where, raw == null ? text : text.replace("\"" + RAW + "\"", raw));
    }

    private static Mangled text(Kind kind, String where, String text) {
        return new Mangled(kind, where, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private <T> T pick(List<T> values) {
        return values.get(choose.below(values.size()));
    }

    /** A place in the tree: a field of an object or an element of an array. */
    private record Slot(JsonNode parent, String name, int index, String path) {

        JsonNode get() {
            return parent instanceof ObjectNode object ? object.get(name) : parent.get(index);
        }

        void set(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(name, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (parent instanceof ObjectNode object) {
                object.remove(name);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    private static List<Slot> slots(JsonNode node, String path, List<Slot> into) {
        if (node instanceof ObjectNode object) {
            for (String name : new ArrayList<>(object.propertyNames())) {
                String at = path.isEmpty() ? name : path + "." + name;
                into.add(new Slot(object, name, -1, at));
                slots(object.get(name), at, into);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                into.add(new Slot(array, null, i, path + "[" + i + "]"));
                slots(array.get(i), path + "[" + i + "]", into);
            }
        }
        return into;
    }

    private static List<ObjectNode> objects(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode object) {
            into.add(object);
        }
        node.values().forEach(child -> objects(child, into));
        return into;
    }
}
