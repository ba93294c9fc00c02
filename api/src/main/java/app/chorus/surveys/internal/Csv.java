package app.chorus.surveys.internal;

import java.util.Collection;
import java.util.stream.Collectors;

/** RFC 4180 records: CRLF line ends, fields with commas, quotes or line breaks quoted, quotes doubled. */
public final class Csv {

    private Csv() {
    }

    public static String record(Collection<String> fields) {
        return fields.stream().map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        String safe = startsLikeAFormula(value) ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\r") || safe.contains("\n")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    /** Spreadsheets run cells starting with = + - @ as formulas; neutralise text (not numbers) that does. */
    private static boolean startsLikeAFormula(String value) {
        if (value.isEmpty() || "=+-@".indexOf(value.charAt(0)) < 0) {
            return false;
        }
        return !value.matches("-?\\d+(\\.\\d+)?");
    }
}
