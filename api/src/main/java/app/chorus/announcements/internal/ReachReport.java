package app.chorus.announcements.internal;

import java.util.Map;

/**
 * How far an announcement has got: its audience when it went out and, per step (delivered, opened,
 * acknowledged), counts in all and by school, year group ({@code SCHOOL:YEAR}) and role. Served from counters
 * maintained one receipt at a time, never recomputed from the receipts. {@code pushesGivenUp} counts, per reason
 * ({@code expired}, {@code refused}), the pushes that will not arrive: a leader sees that an outage outlasted them;
 * and the fallback emails that will not ({@code emailNotSent}: no address on record or no mail server;
 * {@code emailExpired}), so that a leader knows who was not reached at all (ADR 0415).
 */
public record ReachReport(String announcementId, long audience, Map<String, Map<String, Long>> audienceBySchool,
                          Tally delivered, Tally opened, Tally acknowledged, Map<String, Long> pushesGivenUp) {

    public record Tally(long total, Map<String, Long> bySchool, Map<String, Long> byYearGroup, Map<String, Long> byRole) {
    }
}
