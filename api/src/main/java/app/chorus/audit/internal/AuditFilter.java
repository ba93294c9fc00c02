package app.chorus.audit.internal;

import app.chorus.shared.Problem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Which acts to read: of one school ({@code trust} for the trust's own chain), by one person, of one kind, in a time
 * range ({@code from} inclusive, {@code to} exclusive, ISO-8601 instants). Null parts do not filter.
 */
public record AuditFilter(String school, String actorId, String kind, Instant from, Instant to) {

    public static AuditFilter of(String school, String actorId, String kind, String from, String to) {
        AuditFilter filter = new AuditFilter(blankToNull(school), blankToNull(actorId), blankToNull(kind),
            instant("from", from), instant("to", to));
        if (filter.from != null && filter.to != null && !filter.from.isBefore(filter.to)) {
            throw Problem.badRequest("bad-range", "from must be before to.").with("field", "from");
        }
        return filter;
    }

    /** The criteria for these filters, the actor already turned into a pseudonym. */
    List<Criteria> criteria(String actorPseudonym) {
        List<Criteria> all = new ArrayList<>();
        if (school != null) {
            all.add(Criteria.where("chain").is(ChainHead.chainOf(ChainHead.TRUST.equals(school) ? null : school)));
        }
        if (actorId != null) {
            all.add(Criteria.where("actor").is(actorPseudonym));
        }
        if (kind != null) {
            all.add(Criteria.where("kind").is(kind));
        }
        if (from != null) {
            all.add(Criteria.where("at").gte(from));
        }
        if (to != null) {
            all.add(Criteria.where("at").lt(to));
        }
        return all;
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("bad-instant", field + " must be an ISO-8601 instant such as 2026-12-06T09:00:00Z.")
                .with("field", field);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
