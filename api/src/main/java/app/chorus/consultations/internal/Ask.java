package app.chorus.consultations.internal;

import app.chorus.directory.Audience;
import java.time.Instant;
import java.util.List;

/**
 * Something a trust or school asks of its people over a time: a consultation's taking part, or a survey.
 *
 * @param schoolId the school asking (null for the trust, or when only the audience says which schools)
 * @param from     when it opens (null: opens by hand, counted as open from now)
 * @param until    when it closes (null: open until closed by hand)
 */
public record Ask(String kind, String id, String title, String schoolId, Audience audience, Instant from, Instant until) {

    public boolean overlaps(Instant start, Instant end) {
        return (until == null || until.isAfter(start)) && (end == null || from == null || from.isBefore(end));
    }

    public boolean trustWide() {
        return audience.scope() == Audience.Scope.TRUST;
    }

    /** The schools it reaches as far as its audience says (none for trust-wide ones: they reach every school). */
    public List<String> schoolIds() {
        return switch (audience.scope()) {
            case TRUST -> List.of();
            case SCHOOLS -> audience.ids().stream().sorted().toList();
            case YEAR_GROUPS -> audience.ids().stream().map(id -> id.substring(0, Math.max(0, id.indexOf(':')))).distinct().sorted().toList();
            case CLASSES -> schoolId == null ? List.of() : List.of(schoolId);
        };
    }

    public boolean reachesSchool(String school) {
        return trustWide() || schoolIds().contains(school);
    }
}
