package app.chorus.retention.internal;

import app.chorus.retention.RetainedData;
import app.chorus.shared.Problem;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reading and checking the ISO-8601 periods of the schedule ({@code P1Y}, {@code P270D}, {@code P6M}). */
final class SchedulePeriods {

    static final Period LONGEST = Period.ofYears(100);

    private SchedulePeriods() {
    }

    /** The period asked for the kind, or a problem naming the field and the rule. */
    static Period valid(RetainedData kind, String value) {
        Period period;
        try {
            period = Period.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw bad(kind, "must be an ISO-8601 period such as P1Y, P6M or P270D");
        }
        if (period.isNegative() || period.isZero()) {
            throw bad(kind, "must be longer than nothing");
        }
        if (shorter(period, kind.shortest())) {
            throw bad(kind, "must be at least " + kind.shortest());
        }
        if (shorter(LONGEST, period)) {
            throw bad(kind, "must be at most " + LONGEST);
        }
        return period;
    }

    /** The moment before which data of this period has expired, at {@code now}. */
    static Instant expiredBefore(Instant now, Period period) {
        return now.atOffset(ZoneOffset.UTC).minus(period).toInstant();
    }

    private static boolean shorter(Period one, Period other) {
        Instant now = Instant.parse("2000-01-01T00:00:00Z");
        return expiredBefore(now, one).isAfter(expiredBefore(now, other));
    }

    private static Problem bad(RetainedData kind, String rule) {
        return Problem.badRequest("bad-retention-period", kind.field() + " " + rule + ". Nothing was changed.")
            .with("field", kind.field());
    }
}
