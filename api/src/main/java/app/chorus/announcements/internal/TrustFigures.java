package app.chorus.announcements.internal;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import app.chorus.shared.Problem;
import app.chorus.shared.SmallGroups;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Builds the {@link TrustDashboard} from the announcements published in a period and their reach counters. */
@Service
public class TrustFigures {

    static final ZoneId TRUST_TIME = ZoneId.of("Europe/London");
    static final int DEFAULT_DAYS = 30;
    static final int LONGEST_DAYS = 366;
    private static final int READS_AT_ONCE = 8;

    private final ReactiveMongoTemplate mongo;
    private final ReachCounters counters;
    private final SmallGroups smallGroups;

    TrustFigures(ReactiveMongoTemplate mongo, ReachCounters counters, SmallGroups smallGroups) {
        this.mongo = mongo;
        this.counters = counters;
        this.smallGroups = smallGroups;
    }

    /** For trust leaders: the period is inclusive, in UK dates; by default the last 30 days. */
    public Mono<TrustDashboard> dashboard(CurrentUser user, LocalDate from, LocalDate to) {
        if (!user.has(Role.TRUST_LEADER)) {
            return Mono.error(Problem.forbidden("trust-leaders-only",
                "The trust dashboard is for trust leaders; school leaders see their school's reach on each announcement."));
        }
        LocalDate last = to == null ? LocalDate.now(TRUST_TIME) : to;
        LocalDate first = from == null ? last.minusDays(DEFAULT_DAYS - 1L) : from;
        if (first.isAfter(last)) {
            return Mono.error(Problem.badRequest("bad-period", "from (" + first + ") must not be after to (" + last + ")."));
        }
        if (first.plusDays(LONGEST_DAYS).isBefore(last.plusDays(1))) {
            return Mono.error(Problem.badRequest("bad-period",
                "from and to may be at most " + LONGEST_DAYS + " days apart; ask for a shorter period."));
        }
        Query published = Query.query(Criteria.where("publishedAt")
            .gte(first.atStartOfDay(TRUST_TIME).toInstant())
            .lt(last.plusDays(1).atStartOfDay(TRUST_TIME).toInstant()));
        published.fields().include("_id").include("requiresAcknowledgement");
        return mongo.find(published, Document.class, "announcements")
            .flatMap(post -> counters.report(post.getString("_id"))
                .map(report -> new Counted(Boolean.TRUE.equals(post.getBoolean("requiresAcknowledgement")), report)), READS_AT_ONCE)
            .reduce(new Totals(), Totals::add)
            .map(totals -> totals.dashboard(first, last, smallGroups));
    }

    private record Counted(boolean asksAcknowledgement, ReachReport report) {
    }

    /** Running sums per school: the memory held is one row per school, whatever the number of posts. */
    private static final class Totals {
        private long announcements;
        private final Map<String, long[]> bySchool = new TreeMap<>();

        Totals add(Counted counted) {
            announcements++;
            ReachReport report = counted.report();
            report.audienceBySchool().forEach((school, byRole) -> {
                long people = byRole.values().stream().mapToLong(Long::longValue).sum();
                long[] row = bySchool.computeIfAbsent(school, key -> new long[5]);
                row[0]++;
                row[1] += people;
                row[2] += count(report.opened(), school);
                if (counted.asksAcknowledgement()) {
                    row[3] += people;
                    row[4] += count(report.acknowledged(), school);
                }
            });
            return this;
        }

        private static long count(ReachReport.Tally tally, String school) {
            return tally == null ? 0 : tally.bySchool().getOrDefault(school, 0L);
        }

        TrustDashboard dashboard(LocalDate from, LocalDate to, SmallGroups smallGroups) {
            List<TrustDashboard.School> schools = bySchool.entrySet().stream().map(entry -> {
                long[] row = entry.getValue();
                boolean hidden = smallGroups.hides(row[1]);
                boolean ackHidden = hidden || smallGroups.hides(row[3]);
                return new TrustDashboard.School(entry.getKey(), row[0],
                    hidden ? null : row[1], hidden ? null : row[2],
                    ackHidden ? null : row[3], ackHidden ? null : row[4], hidden);
            }).toList();
            return new TrustDashboard(from, to, announcements, smallGroups.minimum(), schools);
        }
    }
}
