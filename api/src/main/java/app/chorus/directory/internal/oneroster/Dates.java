package app.chorus.directory.internal.oneroster;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Says how a date written in another form reads in the form OneRoster wants. */
final class Dates {

    /** UK exports write day first; US tools month first; both with slashes, dots or dashes. */
    private static final List<DateTimeFormatter> OTHER_FORMS = List.of(
        DateTimeFormatter.ofPattern("d/M/uuuu"), DateTimeFormatter.ofPattern("d.M.uuuu"), DateTimeFormatter.ofPattern("d-M-uuuu"),
        DateTimeFormatter.ofPattern("uuuu/M/d"));

    private Dates() {
    }

    static String suggestion(String value) {
        for (DateTimeFormatter form : OTHER_FORMS) {
            try {
                LocalDate date = LocalDate.parse(value, form);
                return ": did you mean " + date + "?";
            } catch (DateTimeParseException notThisForm) {
                // next
            }
        }
        return ", e.g. 2026-09-01";
    }
}
