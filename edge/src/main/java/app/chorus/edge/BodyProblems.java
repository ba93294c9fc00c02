package app.chorus.edge;


import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * A request body that could not be read, in the caller's terms: the field (as a path such as {@code audience.ids[2]})
 * and the rule it broke. Unknown fields are refused (a misspelt field would otherwise be dropped silently), with the
 * known name suggested when one is close.
 */
public final class BodyProblems {

    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(3);

    private BodyProblems() {
    }

    /** The problem for a body Jackson could not read, or null when the failure was not Jackson's. */
    public static ProblemDetail of(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current instanceof UnrecognizedPropertyException unknown) {
                return unknownField(unknown);
            }
            if (current instanceof MismatchedInputException mismatch) {
                return wrongType(mismatch);
            }
            if (current instanceof StreamReadException malformed) {
                return problem("malformed-json", "The body is not well-formed JSON ("
                    + malformed.getOriginalMessage().split("\n")[0] + "). Send one JSON object.", null);
            }
        }
        return null;
    }

    private static ProblemDetail unknownField(UnrecognizedPropertyException unknown) {
        // the last reference is not always the unknown name (a record's creator reports its own property)
        String parent = path(unknown.getPath().subList(0, Math.max(0, unknown.getPath().size() - 1)));
        String field = parent.isEmpty() ? unknown.getPropertyName() : parent + "." + unknown.getPropertyName();
        String closest = closest(unknown.getPropertyName(), unknown.getKnownPropertyIds());
        String detail = "Unknown field '" + field + "'" + (closest == null ? "" : ": did you mean '" + closest + "'?")
            + " Remove it or correct its name; the fields accepted here are " + known(unknown.getKnownPropertyIds()) + ".";
        ProblemDetail problem = problem("unknown-field", detail, field);
        if (closest != null) {
            problem.setProperty("suggestion", closest);
        }
        return problem;
    }

    private static ProblemDetail wrongType(MismatchedInputException mismatch) {
        String field = path(mismatch);
        String expected = mismatch.getTargetType() == null ? "another type" : describe(mismatch.getTargetType());
        String where = field.isEmpty() ? "The body" : "'" + field + "'";
        return problem("wrong-type", where + " must be " + expected + ". Correct the value and send it again.",
            field.isEmpty() ? null : field);
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type.getName().startsWith("java.time.")) {
            return "an ISO-8601 " + (type == java.time.Duration.class ? "duration such as PT2H" : "time such as 2026-12-06T09:00:00Z");
        }
        return "an object";
    }

    private static String path(JacksonException failure) {
        return path(failure.getPath());
    }

    private static String path(java.util.List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String closest(String name, Collection<Object> known) {
        if (known == null) {
            return null;
        }
        return known.stream().map(String::valueOf)
            .filter(candidate -> distance(name, candidate) >= 0)
            .min(Comparator.comparingInt(candidate -> distance(name, candidate)))
            .orElse(null);
    }

    private static int distance(String a, String b) {
        Integer d = DISTANCE.apply(a.toLowerCase(), b.toLowerCase());
        return Objects.requireNonNullElse(d, -1);
    }

    private static String known(Collection<Object> known) {
        return known == null || known.isEmpty() ? "none" : known.stream().map(String::valueOf).sorted()
            .map(name -> "'" + name + "'").collect(Collectors.joining(", "));
    }

    private static ProblemDetail problem(String kind, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(ProblemException.typeOf(kind));
        problem.setTitle("Bad request");
        problem.setProperty("rule", kind);
        if (field != null) {
            problem.setProperty("field", field);
            // the same shape as the field errors of every other refusal, for clients that read 'errors'
            problem.setProperty("errors", List.of(Map.of("field", field, "rule", kind, "message", detail)));
        }
        return problem;
    }
}
