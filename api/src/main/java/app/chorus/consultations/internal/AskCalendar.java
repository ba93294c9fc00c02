package app.chorus.consultations.internal;

import app.chorus.directory.Access;
import app.chorus.directory.AccessPolicy;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The fatigue calendar: per week, the surveys and consultations open or planned, for one school (with the trust-wide
 * ones every school gets) or the whole trust. School leaders see their schools, trust leaders every school.
 */
@Service
public class AskCalendar {

    private static final int MOST_WEEKS = 26;
    private final Asks asks;
    private final AccessPolicy policy;
    private final Clock clock;

    AskCalendar(Asks asks, AccessPolicy policy, ObjectProvider<Clock> clock) {
        this.asks = asks;
        this.policy = policy;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** An ask as the calendar shows it. */
    public record Entry(String kind, String id, String title, boolean trustWide, List<String> schoolIds, Instant from, Instant until) {
    }

    /** One week from Monday: what is open or planned in it. */
    public record Week(LocalDate weekStarting, int open, List<Entry> asks) {
    }

    public record Calendar(String schoolId, LocalDate from, List<Week> weeks) {
    }

    public Mono<Calendar> of(CurrentUser user, String fromDate, Integer weeks, String schoolId) {
        int count = weeks == null ? 8 : weeks;
        if (count < 1 || count > MOST_WEEKS) {
            return Mono.error(Problems.invalid("weeks", "weeks-out-of-range", "Ask for 1 to " + MOST_WEEKS + " weeks."));
        }
        LocalDate monday = monday(fromDate);
        return policy.accessOf(user).flatMap(mine -> {
            requireLeader(user, mine, schoolId);
            return asks.openOrPlanned(monday.atStartOfDay(ZoneOffset.UTC).toInstant())
                .filter(ask -> shownTo(ask, mine, schoolId))
                .map(ask -> new Entry(ask.kind(), ask.id(), ask.title(), ask.trustWide(), ask.schoolIds(), ask.from(), ask.until()))
                .collectList()
                .map(entries -> new Calendar(schoolId, monday, IntStream.range(0, count)
                    .mapToObj(i -> week(monday.plusWeeks(i), entries)).toList()));
        });
    }

    private static Week week(LocalDate start, List<Entry> entries) {
        Instant from = start.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = start.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Entry> inWeek = entries.stream()
            .filter(e -> (e.until() == null || e.until().isAfter(from)) && (e.from() == null || e.from().isBefore(to))).toList();
        return new Week(start, inWeek.size(), inWeek);
    }

    private static boolean shownTo(Ask ask, Access mine, String schoolId) {
        if (schoolId != null) {
            return ask.reachesSchool(schoolId);
        }
        return mine.isTrustWide() || ask.trustWide() || ask.schoolIds().stream().anyMatch(mine.leadsSchools()::contains)
            || (ask.schoolId() != null && mine.leadsSchools().contains(ask.schoolId()));
    }

    private static void requireLeader(CurrentUser user, Access mine, String schoolId) {
        if (!user.hasAny(Role.SCHOOL_LEADER, Role.TRUST_LEADER) || mine.leadsSchools().isEmpty()) {
            throw Problems.forbidden("calendar", "leaders-only", "The consultation calendar is for school and trust leaders.");
        }
        if (schoolId != null && !mine.leadsSchools().contains(schoolId)) {
            mine.requireSchool(schoolId);
            throw Problems.forbidden("schoolId", "not-your-school", "You lead other schools: choose one of them.");
        }
    }

    private LocalDate monday(String fromDate) {
        try {
            LocalDate day = fromDate == null ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) : LocalDate.parse(fromDate);
            return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        } catch (DateTimeParseException malformed) {
            throw Problems.invalid("from", "malformed-date", "Give the first week as a date such as 2026-12-07.");
        }
    }
}
