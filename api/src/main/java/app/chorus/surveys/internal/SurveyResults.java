package app.chorus.surveys.internal;

import app.chorus.directory.DirectoryQueries;
import app.chorus.directory.SchoolSummary;
import app.chorus.questionnaires.Questionnaire;
import app.chorus.questionnaires.Tally;
import app.chorus.shared.SmallGroups;
import app.chorus.surveys.Anonymity;
import app.chorus.surveys.internal.ResultsView.BreakdownView;
import app.chorus.surveys.internal.ResultsView.GroupView;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Results from the incrementally kept tallies: O(cells) per read, whatever the number of responses. */
@Service
public class SurveyResults {

    private final Tallies tallies;
    private final DirectoryQueries directory;
    private final ResultSignals signals;
    private final SmallGroups smallGroups;
    private final Clock clock;
    private final Cache<String, Computed> computed = Caffeine.newBuilder().maximumSize(1_000)
        .expireAfterWrite(Duration.ofMillis(REUSE_FOR_MS)).build();

    static final long REUSE_FOR_MS = 1_000;

    private final Cache<String, Viewed> viewed = Caffeine.newBuilder().maximumSize(1_000).build();

    private record Computed(ResultsView view, long generation, long at) {
    }

    /** A view and exactly what it was built from: the sums (by identity), the school names and the status. */
    private record Viewed(Map<String, Tally> sums, Map<String, String> labels, SurveyStatus status, ResultsView view) {
    }

    SurveyResults(Tallies tallies, DirectoryQueries directory, ResultSignals signals, SmallGroups smallGroups,
                  ObjectProvider<Clock> clock) {
        this.smallGroups = smallGroups;
        this.tallies = tallies;
        this.directory = directory;
        this.signals = signals;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * Results from the stored tallies. A view computed by this instance is reused until this instance counts another
     * answer for the survey, and at most {@link #REUSE_FOR_MS} (answers taken by other instances show within that).
     */
    public Mono<ResultsView> results(Survey survey, Breakdown by) {
        String key = survey.id() + "|" + survey.version() + "|" + by;
        long generation = signals.generation(survey.id());
        long now = System.currentTimeMillis();
        Computed cached = computed.getIfPresent(key);
        if (cached != null && cached.generation() == generation && now - cached.at() < REUSE_FOR_MS
            && cached.view().status() == survey.statusAt(clock.instant())) {
            return Mono.just(cached.view());
        }
        return compute(survey, by).doOnNext(view -> {
            computed.put(key, new Computed(view, generation, now));
        });
    }

    /** Results computed from the stored cells now (the benchmark measures this too). */
    Mono<ResultsView> compute(Survey survey, Breakdown by) {
        String key = survey.id() + "|" + survey.version() + "|" + by;
        return sums(survey, by)
            .zipWith(by == Breakdown.SCHOOL ? schoolNames() : Mono.just(Map.<String, String>of()))
            .map(both -> {
                SurveyStatus status = survey.statusAt(clock.instant());
                Viewed before = viewed.getIfPresent(key);
                if (before != null && before.sums() == both.getT1() && before.labels().equals(both.getT2())
                    && before.status() == status) {
                    return before.view(); // no cell moved since: the same sums, so the same view (ADR 0094)
                }
                ResultsView view = view(survey, withRespondents(both.getT1()), by, both.getT2(), status, before);
                viewed.put(key, new Viewed(both.getT1(), both.getT2(), status, view));
                return view;
            });
    }

    /** Results now, then again after each change (at most once a second) and every 5 s for other instances' answers. */
    public Flux<ResultsView> live(Survey survey, Breakdown by) {
        Flux<Object> changes = Flux.merge(signals.of(survey.id()).sample(Duration.ofSeconds(1)), Flux.interval(Duration.ofSeconds(5)));
        return Flux.concat(Flux.just((Object) "now"), changes)
            .onBackpressureLatest()
            .concatMap(tick -> compute(survey, by), 1);
    }

    /** Respondents per group of a dimension, for suppression decisions elsewhere (export). */
    public Mono<Set<String>> hiddenGroups(Survey survey, Breakdown by) {
        return groups(survey, by).map(groups -> smallGroups.hiddenGroups(respondents(groups)));
    }

    /** Respondents per school, unsuppressed: for figures that apply the small-group rule themselves. */
    public Mono<Map<String, Long>> respondentsBySchool(Survey survey) {
        return groups(survey, Breakdown.SCHOOL).map(SurveyResults::respondents);
    }

    /** The view; a group whose tally, label and suppression are those of {@code before} keeps its results from it. */
    private ResultsView view(Survey survey, Map<String, Tally> groups, Breakdown by, Map<String, String> labels,
                             SurveyStatus status, Viewed before) {
        Questionnaire questionnaire = survey.questionnaire();
        Map<String, GroupView> earlier = new HashMap<>();
        if (before != null && before.view().breakdown() != null && before.labels().equals(labels)) {
            before.view().breakdown().groups().forEach(group -> {
                if (before.sums().get(group.key()) == groups.get(group.key())) {
                    earlier.put(group.key(), group);
                }
            });
        }
        // the groups partition the cells, so summing them is the total at a fraction of the work
        Tally total = Tally.sum(groups.values().stream());
        boolean tooFew = tooFewToShow(survey, total.respondents());
        BreakdownView breakdown = null;
        if (by != null) {
            Set<String> hidden = tooFew ? groups.keySet() : smallGroups.hiddenGroups(respondents(groups));
            List<GroupView> views = new ArrayList<>();
            groups.forEach((key, tally) -> {
                GroupView same = earlier.get(key);
                String label = labels.getOrDefault(key, key);
                if (same != null && same.suppressed() == hidden.contains(key)) {
                    views.add(same);
                } else {
                    views.add(hidden.contains(key) ? new GroupView(key, label, true, null, null)
                        : new GroupView(key, label, false, tally.respondents(), questionnaire.results(tally)));
                }
            });
            breakdown = new BreakdownView(by, smallGroups.minimum(), views);
        }
        return new ResultsView(survey.id(), survey.title(), survey.anonymity(), status, tooFew, smallGroups.minimum(),
            tooFew ? null : total.respondents(), tooFew ? null : questionnaire.results(total), breakdown);
    }

    /**
     * Whether an anonymous or confidential survey has too few answers to show anything of it (its whole, like any
     * group, is a group of people). A named survey's answers are attributed by design, so its owner sees them.
     */
    private boolean tooFewToShow(Survey survey, long respondents) {
        return survey.anonymity() != Anonymity.NAMED && smallGroups.hides(respondents);
    }

    /** Whether the survey as a whole is hidden (see {@link ResultsView#suppressed()}). */
    public Mono<Boolean> hiddenAsAWhole(Survey survey) {
        return groups(survey, null).map(groups -> tooFewToShow(survey,
            groups.values().stream().mapToLong(Tally::respondents).sum()));
    }

    /** Counters summed per group of the breakdown (one group when none), groups without respondents left out. */
    private Mono<Map<String, Tally>> groups(Survey survey, Breakdown by) {
        return sums(survey, by).map(SurveyResults::withRespondents);
    }

    private Mono<Map<String, Tally>> sums(Survey survey, Breakdown by) {
        return tallies.sums(survey.id(), by == null ? "whole" : by.name(), cell -> by == null ? "" : cell.groupIn(by));
    }

    private static Map<String, Tally> withRespondents(Map<String, Tally> sums) {
        Map<String, Tally> groups = new TreeMap<>(sums);
        groups.values().removeIf(tally -> tally.respondents() == 0);
        return groups;
    }

    private static Map<String, Long> respondents(Map<String, Tally> groups) {
        Map<String, Long> counts = new TreeMap<>();
        groups.forEach((key, tally) -> counts.put(key, tally.respondents()));
        return counts;
    }

    private Mono<Map<String, String>> schoolNames() {
        return directory.schools().collectMap(SchoolSummary::id, SchoolSummary::name);
    }
}
