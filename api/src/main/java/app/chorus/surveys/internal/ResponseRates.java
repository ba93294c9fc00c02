package app.chorus.surveys.internal;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceReach;
import app.chorus.directory.AudienceResolver;
import app.chorus.directory.AudienceRole;
import app.chorus.directory.DirectoryQueries;
import app.chorus.directory.SchoolSummary;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import app.chorus.shared.Problem;
import app.chorus.shared.SmallGroups;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Response rates per school for a survey: those asked, counted from the directory by audience (no person is
 * materialised), against those who answered, from the live tallies (ADR 0275).
 */
@Service
public class ResponseRates {

    static final int CLOSING_SOON_DAYS = 7;
    /** Who is asked changes with the roster, not with each answer: counted at most every few minutes. */
    private static final Duration ASKED_FOR = Duration.ofMinutes(5);

    private final SurveyStore surveys;
    private final AudienceResolver audiences;
    private final DirectoryQueries directory;
    private final SurveyResults results;
    private final SmallGroups smallGroups;
    private final Clock clock;
    private final Cache<String, Map<String, Long>> asked = Caffeine.newBuilder().maximumSize(500)
        .expireAfterWrite(ASKED_FOR).build();

    ResponseRates(SurveyStore surveys, AudienceResolver audiences, DirectoryQueries directory, SurveyResults results, SmallGroups smallGroups,
                  ObjectProvider<Clock> clock) {
        this.surveys = surveys;
        this.audiences = audiences;
        this.directory = directory;
        this.results = results;
        this.smallGroups = smallGroups;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Every open survey's rates, soonest closing first, for trust leaders (a trust runs a handful at a time). */
    public Flux<SurveyResponseRates> open(CurrentUser user) {
        if (!user.has(Role.TRUST_LEADER)) {
            return Flux.error(Problem.forbidden("trust-leaders-only",
                "Response rates across the trust are for trust leaders; a survey's owner sees its rates on the survey."));
        }
        Instant now = clock.instant();
        return surveys.live().filter(survey -> survey.statusAt(now) == SurveyStatus.OPEN)
            .sort(Comparator.comparing(Survey::closesAt, Comparator.nullsLast(Comparator.naturalOrder())))
            .concatMap(this::of);
    }

    public Mono<SurveyResponseRates> of(Survey survey) {
        return Mono.zip(askedBySchool(survey), results.respondentsBySchool(survey),
                directory.schools().collectMap(SchoolSummary::id, SchoolSummary::name))
            .map(all -> rates(survey, all.getT1(), all.getT2(), all.getT3()));
    }

    private SurveyResponseRates rates(Survey survey, Map<String, Long> askedBySchool, Map<String, Long> answeredBySchool,
                                      Map<String, String> names) {
        Map<String, Long> answered = new TreeMap<>();
        askedBySchool.keySet().forEach(school -> answered.put(school, answeredBySchool.getOrDefault(school, 0L)));
        Set<String> answeredHidden = smallGroups.hiddenGroups(answered);
        List<SurveyResponseRates.SchoolRate> schools = new ArrayList<>();
        askedBySchool.forEach((school, people) -> schools.add(row(survey.responseGoal(), school, names.getOrDefault(school, school),
            people, answered.get(school), answeredHidden.contains(school))));
        Instant now = clock.instant();
        boolean closingSoon = survey.closesAt() != null && survey.closesAt().isAfter(now)
            && survey.closesAt().isBefore(now.plus(Duration.ofDays(CLOSING_SOON_DAYS)));
        return new SurveyResponseRates(survey.id(), survey.title(), survey.closesAt(), survey.responseGoal(), closingSoon,
            smallGroups.minimum(), schools);
    }

    private SurveyResponseRates.SchoolRate row(Integer goal, String school, String name, long people, long answered, boolean answeredHidden) {
        if (smallGroups.hides(people)) {
            return new SurveyResponseRates.SchoolRate(school, name, null, null, null, true, true, null);
        }
        long share = Math.min(answered, people);
        Boolean belowGoal = goal == null ? null : share * 100 < (long) goal * people;
        return new SurveyResponseRates.SchoolRate(school, name, people, answeredHidden ? null : answered,
            answeredHidden ? null : (int) (share * 100 / people), false, answeredHidden, belowGoal);
    }

    /** Response units owed per school, summed over the audience's roles (a carer survey: its children). */
    private Mono<Map<String, Long>> askedBySchool(Survey survey) {
        Map<String, Long> known = asked.getIfPresent(survey.id());
        if (known != null) {
            return Mono.just(known);
        }
        Audience audience = survey.audience();
        return Flux.fromIterable(audience.roles())
            .flatMap(role -> audiences.reach(new Audience(audience.scope(), audience.ids(), Set.of(countedAs(survey, role))))
                .map(reach -> bySchool(reach)))
            .reduce(new TreeMap<String, Long>(), (sum, part) -> {
                part.forEach((school, people) -> sum.merge(school, people, Long::sum));
                return sum;
            })
            .map(Map::copyOf)
            .doOnNext(counted -> asked.put(survey.id(), counted));
    }

    /** Carers answer once per child: the children in the audience are what is owed (each carer's, when each answers). */
    private static AudienceRole countedAs(Survey survey, AudienceRole role) {
        return role == AudienceRole.CARERS && !survey.eachCarerAnswers() ? AudienceRole.PUPILS : role;
    }

    private static Map<String, Long> bySchool(AudienceReach reach) {
        Map<String, Long> people = new TreeMap<>();
        reach.bySchool().forEach((school, byRole) -> people.put(school, byRole.values().stream().mapToLong(Long::longValue).sum()));
        return people;
    }
}
