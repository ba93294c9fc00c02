package app.chorus.directory.internal;

import java.util.List;
import java.util.Locale;

/**
 * English year groups and the OneRoster grade codes that name them. Ids are short and stable
 * ({@code R}, {@code Y1} .. {@code Y13}); names are what people read ("Reception", "Year 4").
 */
public final class YearGroups {

    public static final List<String> ORDER = List.of("R", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "Y7", "Y8", "Y9",
        "Y10", "Y11", "Y12", "Y13");
    public static final String ACCEPTED = "KG or R (Reception), 01..13, 1..13, Y1..Y13 or 'Year 1'..'Year 13'";

    private YearGroups() {
    }

    /** The year group id for a OneRoster grade (CEDS code or the English form), or null when unknown. */
    public static String fromGrade(String grade) {
        String g = grade.trim().toUpperCase(Locale.ROOT).replace("YEAR", "Y").replace(" ", "");
        if (g.equals("KG") || g.equals("R") || g.equals("RECEPTION") || g.equals("YR")) {
            return "R";
        }
        if (g.startsWith("Y")) {
            g = g.substring(1);
        }
        try {
            int year = Integer.parseInt(g);
            return year >= 1 && year <= 13 ? "Y" + year : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The OneRoster (CEDS) grade code written for a year group. */
    public static String toGrade(String yearGroup) {
        return yearGroup.equals("R") ? "KG" : String.format("%02d", Integer.parseInt(yearGroup.substring(1)));
    }

    public static String name(String yearGroup) {
        return yearGroup.equals("R") ? "Reception" : "Year " + yearGroup.substring(1);
    }

    public static int rank(String yearGroup) {
        return ORDER.indexOf(yearGroup);
    }

    /** primary (Reception..Year 6), secondary (Year 7..13), all-through (both), or unknown. */
    public static String phase(java.util.Collection<String> yearGroups) {
        boolean primary = yearGroups.stream().anyMatch(y -> rank(y) <= 6);
        boolean secondary = yearGroups.stream().anyMatch(y -> rank(y) >= 7);
        return primary && secondary ? "all-through" : primary ? "primary" : secondary ? "secondary" : "unknown";
    }
}
