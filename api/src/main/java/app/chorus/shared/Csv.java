package app.chorus.shared;

import java.util.Collection;
import org.apache.commons.csv.CSVFormat;

/**
 * The one CSV dialect of Chorus, read and written by Apache Commons CSV: RFC 4180, CRLF line ends, fields with
 * commas, quotes or line breaks quoted, quotes doubled.
 */
public final class Csv {

    public static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private Csv() {
    }

    /** One record of a spreadsheet export, CRLF-terminated, with text a spreadsheet would run as a formula neutralised. */
    public static String record(Collection<String> fields) {
        return FORMAT.format(fields.stream().map(Csv::safe).toArray()) + FORMAT.getRecordSeparator();
    }

    private static String safe(String value) {
        return value != null && startsLikeAFormula(value) ? "'" + value : value;
    }

    /** Spreadsheets run cells starting with = + - @ as formulas; neutralise text (not numbers) that does. */
    private static boolean startsLikeAFormula(String value) {
        if (value.isEmpty() || "=+-@".indexOf(value.charAt(0)) < 0) {
            return false;
        }
        return !value.matches("-?\\d+(\\.\\d+)?");
    }
}
