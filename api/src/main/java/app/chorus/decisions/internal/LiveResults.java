package app.chorus.decisions.internal;

import app.chorus.decisions.DecisionOutcome;
import app.chorus.decisions.Method;
import app.chorus.decisions.tally.Score;
import app.chorus.directory.DirectoryQueries;
import app.chorus.directory.SchoolSummary;
import app.chorus.shared.Problem;
import app.chorus.shared.SmallGroups;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Results from the live counters, read fresh from the cells on every request (a read is O(cells), never O(ballots)),
 * with breakdowns by school, year group or role under the trust's small-number suppression; once closed, the count
 * stored at close. Hidden results show nothing until the close.
 */
@Service
public class LiveResults {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration NAMES_FRESH_FOR = Duration.ofSeconds(10);

    private final DecisionStore decisions;
    private final LiveTallies tallies;
    private final ResultSignals signals;
    private final SmallGroups smallGroups;
    private final Clock clock;
    /** The schools' names for breakdowns, read again at most every {@link #NAMES_FRESH_FOR} (only a roster import changes them). */
    private final Mono<Map<String, String>> schoolNames;

    LiveResults(DecisionStore decisions, LiveTallies tallies, ResultSignals signals, SmallGroups smallGroups,
                DirectoryQueries directory, ObjectProvider<Clock> clock) {
        this.decisions = decisions;
        this.tallies = tallies;
        this.signals = signals;
        this.smallGroups = smallGroups;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.schoolNames = directory.schools().collectMap(SchoolSummary::id, SchoolSummary::name)
            .cache(names -> NAMES_FRESH_FOR, failure -> Duration.ZERO, () -> NAMES_FRESH_FOR);
    }

    public Mono<DecisionResultsView> results(DecisionManagement.Viewer viewer, String by) {
        if (by != null && !LiveTotals.BREAKDOWNS.contains(by)) {
            return Mono.error(Problem.badRequest("bad-breakdown", "Break results down by school, year or role (by=school).").with("field", "by"));
        }
        Decision decision = viewer.decision();
        DecisionStatus status = decision.statusAt(clock.instant());
        if (decision.resultsHiddenAt(clock.instant())) {
            return Mono.just(new DecisionResultsView(decision.id(), decision.method(), status, true, false, null, null, null, null, null));
        }
        Mono<Map<String, String>> labels = "school".equals(by) ? schoolNames : Mono.just(Map.of());
        return tallies.forResults(decision.id(), by)
            .zipWith(labels, (cells, names) -> view(viewer, status, cells, by, names));
    }

    /** The results now, then after each ballot this instance takes (at most once a second) and every 5 s. */
    public Flux<DecisionResultsView> stream(DecisionManagement.Viewer viewer, String by) {
        String id = viewer.decision().id();
        return Flux.merge(Flux.just(id), signals.of(id).sample(Duration.ofSeconds(1)), Flux.interval(Duration.ofSeconds(5)).map(t -> id))
            .concatMap(tick -> decisions.require(id).flatMap(fresh -> results(new DecisionManagement.Viewer(fresh, viewer.manages()), by)))
            .distinctUntilChanged();
    }

    private DecisionResultsView view(DecisionManagement.Viewer viewer, DecisionStatus status, List<Document> cells, String by,
                                     Map<String, String> labels) {
        Decision decision = viewer.decision();
        Map<String, Long> total = new HashMap<>();
        Map<String, Map<String, Long>> groups = new TreeMap<>();
        for (Document cell : cells) {
            Map<String, Long> counters = counters(cell);
            counters.forEach((field, n) -> total.merge(field, n, Long::sum));
            if (by != null) {
                String group = by.equals("role") ? cell.getString("role") : cell.getString(by);
                Map<String, Long> sum = groups.computeIfAbsent(group, g -> new HashMap<>());
                counters.forEach((field, n) -> sum.merge(field, n, Long::sum));
            }
        }
        long ballots = total.getOrDefault(Choice.BALLOTS, 0L);
        boolean suppressed = smallGroups.hides(ballots);
        DecisionResultsView.ResultsBreakdown breakdown = by == null ? null : breakdown(decision, by, groups, labels);
        Decision.StoredResult result = status == DecisionStatus.CLOSED ? decision.result() : null;
        DecisionOutcome outcome = result == null ? null : shown(result.outcome(), suppressed);
        JsonNode count = result == null || suppressed ? null : count(decision, result, viewer.manages());
        return new DecisionResultsView(decision.id(), decision.method(), status, false, suppressed, suppressed ? null : ballots,
            suppressed ? null : figures(decision, total), breakdown, outcome, count);
    }

    private DecisionResultsView.ResultsBreakdown breakdown(Decision decision, String by, Map<String, Map<String, Long>> groups,
                                                           Map<String, String> labels) {
        Map<String, Long> ballots = new HashMap<>();
        groups.forEach((group, counters) -> ballots.put(group, counters.getOrDefault(Choice.BALLOTS, 0L)));
        Set<String> hidden = smallGroups.hiddenGroups(ballots);
        List<DecisionResultsView.ResultsGroup> shown = new ArrayList<>();
        groups.forEach((group, counters) -> shown.add(hidden.contains(group)
            ? new DecisionResultsView.ResultsGroup(group, labels.getOrDefault(group, group), true, null, null)
            : new DecisionResultsView.ResultsGroup(group, labels.getOrDefault(group, group), false, ballots.get(group),
                figures(decision, counters))));
        return new DecisionResultsView.ResultsBreakdown(by, smallGroups.minimum(), shown);
    }

    /** With fewer ballots than the smallest group shown, the outcome keeps its decision but not its figures. */
    private DecisionOutcome shown(DecisionOutcome outcome, boolean suppressed) {
        if (!suppressed) {
            return outcome;
        }
        return new DecisionOutcome(outcome.decisionId(), outcome.consultationId(), outcome.schoolId(), outcome.question(),
            outcome.method(), outcome.leaders(), outcome.stands(), 0, 0, "Fewer than " + smallGroups.minimum()
                + " ballots were cast, so no figures are shown.", outcome.closedAt());
    }

    /** The stored count; the reasons (and names) of blocks and disagreements only for the leaders deciding. */
    private static JsonNode count(Decision decision, Decision.StoredResult result, boolean manages) {
        JsonNode count = JSON.readTree(result.detail());
        if (decision.method() == Method.CONSENT && !manages && count instanceof ObjectNode object) {
            object.remove("blocks");
            object.remove("disagreements");
        }
        return count;
    }

    private static Map<String, Long> counters(Document cell) {
        Map<String, Long> counters = new HashMap<>();
        Document k = cell.get("k", Document.class);
        if (k != null) {
            flatten("", k, counters);
        }
        return counters;
    }

    private static void flatten(String prefix, Document document, Map<String, Long> into) {
        document.forEach((field, value) -> {
            if (value instanceof Document nested) {
                flatten(prefix + field + ".", nested, into);
            } else if (value instanceof Number n) {
                into.put(prefix + field, n.longValue());
            }
        });
    }

    static Map<String, Object> figures(Decision decision, Map<String, Long> counters) {
        Map<String, Object> figures = new LinkedHashMap<>();
        List<String> options = decision.optionIds();
        switch (decision.method()) {
            case APPROVAL -> {
                figures.put("approvals", perOption(options, "o.", counters));
                figures.put("abstentions", counters.getOrDefault("abstain", 0L));
            }
            case SCORE -> {
                Map<String, Object> scores = new LinkedHashMap<>();
                options.forEach(option -> scores.put(option, score(option, counters)));
                figures.put("scores", scores);
            }
            case CONSENT -> {
                Map<String, Long> positions = new LinkedHashMap<>();
                for (String position : List.of("AGREE", "ABSTAIN", "DISAGREE", "BLOCK")) {
                    positions.put(position, counters.getOrDefault("c." + position, 0L));
                }
                figures.put("positions", positions);
            }
            case RANKED_IRV -> figures.put("firstPreferences", perOption(options, "o.", counters));
            case BORDA -> {
                figures.put("firstPreferences", perOption(options, "o.", counters));
                figures.put("points", perOption(options, "p.", counters));
            }
        }
        return figures;
    }

    private static Map<String, Long> perOption(List<String> options, String prefix, Map<String, Long> counters) {
        Map<String, Long> values = new LinkedHashMap<>();
        options.forEach(option -> values.put(option, counters.getOrDefault(prefix + option, 0L)));
        return values;
    }

    private static Map<String, Object> score(String option, Map<String, Long> counters) {
        List<Long> distribution = new ArrayList<>();
        long scored = 0;
        long sum = 0;
        for (int s = Score.MIN; s <= Score.MAX; s++) {
            long n = counters.getOrDefault("s." + option + "." + s, 0L);
            distribution.add(n);
            scored += n;
            sum += n * s;
        }
        Map<String, Object> score = new LinkedHashMap<>();
        score.put("mean", scored == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(scored), 2, RoundingMode.HALF_UP));
        score.put("distribution", distribution);
        return score;
    }
}
