package app.chorus.consultations.internal;

import app.chorus.directory.Access;
import app.chorus.directory.AccessPolicy;
import app.chorus.directory.AudienceResolver;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import app.chorus.shared.Problem;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The fatigue calendar: per week, the surveys, consultations and decisions open or planned, for one school (with the
 * trust-wide ones every school gets), the whole trust, or one carer across all their children. School leaders see their
 * schools, trust leaders every school. A carer's week counts every ask that reaches them: the carer sees all of theirs,
 * and staff and leaders of one of their children's schools look them up, seeing named only the asks of their own schools
 * (ADR 0259).
 */
@Service
public class AskCalendar {

    private static final int MOST_WEEKS = 26;
    private final Asks asks;
    private final AccessPolicy policy;
    private final AudienceResolver audiences;
    private final int limit;
    private final Clock clock;

    AskCalendar(Asks asks, AccessPolicy policy, AudienceResolver audiences,
                @Value("${chorus.consultations.fatigue.open-asks-per-person:3}") int limit, ObjectProvider<Clock> clock) {
        this.asks = asks;
        this.policy = policy;
        this.audiences = audiences;
        this.limit = limit;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** An ask as the calendar shows it. */
    public record Entry(String kind, String id, String title, boolean trustWide, List<String> schoolIds, Instant from, Instant until) {
    }

    /**
     * One week from Monday: how many asks are open or planned in it, and those the reader may see (for a carer, asks
     * of schools the reader does not lead are counted in {@code open} but not listed).
     */
    public record Week(LocalDate weekStarting, int open, List<Entry> asks) {
    }

    /** {@code limit}: the trust's most open asks per person, above which a leader opening one more is warned. */
    public record Calendar(String schoolId, String carerId, LocalDate from, int limit, List<Week> weeks) {
    }

    /** An ask with whether this reader may see what it is. */
    private record Counted(Entry entry, boolean listed) {
    }

    public Mono<Calendar> of(CurrentUser user, String fromDate, Integer weeks, String schoolId, String carerId) {
        int count = weeks == null ? 8 : weeks;
        if (count < 1 || count > MOST_WEEKS) {
            return Mono.error(Problems.invalid("weeks", "weeks-out-of-range", "Ask for 1 to " + MOST_WEEKS + " weeks."));
        }
        if (schoolId != null && carerId != null) {
            return Mono.error(Problems.invalid("carerId", "school-or-carer", "Ask for a school's calendar or a carer's, not both."));
        }
        LocalDate monday = monday(fromDate);
        return policy.accessOf(user).flatMap(mine -> (carerId == null ? ofSchools(user, mine, schoolId) : ofCarer(user, mine, carerId))
            .flatMap(view -> asks.openOrPlanned(monday.atStartOfDay(ZoneOffset.UTC).toInstant())
                .filter(view.counted())
                .map(ask -> new Counted(new Entry(ask.kind(), ask.id(), ask.title(), ask.trustWide(), ask.schoolIds(), ask.from(),
                    ask.until()), view.listed().test(ask)))
                .collectList()
                .map(entries -> new Calendar(schoolId, carerId, monday, limit, IntStream.range(0, count)
                    .mapToObj(i -> week(monday.plusWeeks(i), entries)).toList()))));
    }

    /** Which asks a calendar counts, and which of them it names to this reader. */
    private record View(Predicate<Ask> counted, Predicate<Ask> listed) {
    }

    private static Mono<View> ofSchools(CurrentUser user, Access mine, String schoolId) {
        requireLeader(user, mine, schoolId);
        return Mono.just(new View(ask -> shownTo(ask, mine.isTrustWide(), mine.leadsSchools(), schoolId),
            ask -> shownTo(ask, mine.isTrustWide(), mine.leadsSchools(), null)));
    }

    private Mono<View> ofCarer(CurrentUser user, Access mine, String carerId) {
        if (carerId.equals(user.personId())) {
            return reaching(true, Set.of(), carerId).map(counted -> new View(counted, ask -> true));
        }
        Set<String> schools = schoolsOfStaff(user, mine);
        return reaching(mine.isTrustWide(), schools, carerId)
            .map(counted -> new View(counted, ask -> shownTo(ask, mine.isTrustWide(), schools, null)));
    }

    /**
     * The asks that reach this carer through any of their children; 404 for a carer with no child in {@code schools}
     * (unless {@code anyCarer}: a trust-wide reader, or the carer themself).
     */
    private Mono<Predicate<Ask>> reaching(boolean anyCarer, Set<String> schools, String carerId) {
        return audiences.keysOf(carerId).defaultIfEmpty(Set.of()).map(keys -> {
            boolean theirs = keys.stream().anyMatch(key -> key.endsWith("/carers") && (anyCarer
                || schools.stream().anyMatch(school -> key.equals("school:" + school + "/carers"))));
            if (!theirs) {
                throw Problem.notFound("A carer " + carerId + " of your schools");
            }
            return ask -> ask.audience().keys().stream().anyMatch(keys::contains);
        });
    }

    /** The schools whose carers a member of staff or leader may look up: those they lead or work in. */
    private static Set<String> schoolsOfStaff(CurrentUser user, Access mine) {
        if (!user.hasAny(Role.STAFF, Role.SCHOOL_LEADER, Role.TRUST_LEADER)) {
            throw Problems.forbidden("carerId", "own-calendar-only",
                "You can see your own calendar: ask for it with your own id (carerId=" + user.personId() + ").");
        }
        Set<String> schools = new java.util.HashSet<>(mine.leadsSchools());
        schools.addAll(mine.schools());
        return schools;
    }

    private static Week week(LocalDate start, List<Counted> entries) {
        Instant from = start.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = start.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Counted> inWeek = entries.stream().filter(c -> (c.entry().until() == null || c.entry().until().isAfter(from))
            && (c.entry().from() == null || c.entry().from().isBefore(to))).toList();
        return new Week(start, inWeek.size(), inWeek.stream().filter(Counted::listed).map(Counted::entry).toList());
    }

    private static boolean shownTo(Ask ask, boolean trustWide, Set<String> schools, String schoolId) {
        if (schoolId != null) {
            return ask.reachesSchool(schoolId);
        }
        return trustWide || ask.trustWide() || ask.schoolIds().stream().anyMatch(schools::contains)
            || (ask.schoolId() != null && schools.contains(ask.schoolId()));
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
