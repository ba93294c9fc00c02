package app.chorus.surveys.internal;

import app.chorus.directory.AudienceRole;
import app.chorus.questionnaires.Questionnaire;
import app.chorus.questionnaires.Tally;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Incrementally maintained counters ({@code survey_tallies}): one document per survey and {@link Cell}, changed by
 * atomic {@code $inc}s guarded by response ids in {@code guards}, so a retried submission never counts twice; an id
 * is removed (lazily, ADR 0059) once the participation mark says SUBMITTED.
 */
@Component
public class Tallies {

    static final String COLLECTION = "survey_tallies";
    /**
     * Counters are top-level fields {@code c:q:Q:o:OPTION} (ADR 0087): a path of one level is applied by the store
     * without walking sub-documents. Cells written before that, counters nested under {@code c}, are flattened at
     * start-up ({@link TallyCellsFlattened}).
     */
    static final String COUNTER_PREFIX = "c:";
    /** A cell's write version: every write that changes its counters increments it (ADR 0093). */
    static final String VERSION = "v";
    /** Cursor batch for reading a survey's cells: every cell in one reply. */
    private static final int ONE_REPLY = 100_000;

    private final ReactiveMongoTemplate mongo;
    private final Responses responses;
    private final TallyWrites writes;
    private final CachedCells cached = new CachedCells();

    Tallies(ReactiveMongoTemplate mongo, Responses responses, TallyWrites writes) {
        this.mongo = mongo;
        this.responses = responses;
        this.writes = writes;
    }

    public record CellTally(Cell cell, Tally tally) {
    }

    /** Adds one response's counts to its cell exactly once (shares the write with concurrent ones: ADR 0059). */
    public Mono<Void> apply(String surveyId, Cell cell, String responseId, Tally tally) {
        return writes.apply(surveyId, cell, responseId, tally);
    }

    /** The guard of a response whose mark is SUBMITTED may go; it goes with the cell's next write. */
    public void release(String surveyId, Cell cell, String responseId) {
        writes.release(surveyId, cell, responseId);
    }

    /** Removes guards at once (recovery). */
    public Mono<Void> releaseNow(String cellId, Set<String> responseIds) {
        return writes.releaseNow(cellId, responseIds);
    }

    /** Cells still holding guards (releases not written yet, or a crash mid-submission): id, cell and guards only. */
    public Flux<Document> withPending() {
        Query guarded = Query.query(Criteria.where(TallyWrites.GUARDS).exists(true));
        guarded.fields().include("surveyId", "school", "year", "role", TallyWrites.GUARDS);
        return mongo.find(guarded, Document.class, COLLECTION)
            .filter(cell -> !guardsOf(cell).isEmpty());
    }

    public static Set<String> guardsOf(Document cell) {
        Document guards = cell.get(TallyWrites.GUARDS, Document.class);
        return guards == null ? Set.of() : guards.keySet();
    }

    /** The stored counters of every cell of a survey: O(cells), independent of the number of responses. */
    public Flux<CellTally> cells(String surveyId) {
        return mongo.find(Query.query(Criteria.where("surveyId").is(surveyId)), Document.class, COLLECTION)
            .map(document -> new CellTally(cellOf(document), new Tally(counters(document))));
    }

    /**
     * The counters of a survey's cells summed per group ({@code groupOf} names a cell's group). Reads every cell's
     * version and fetches only the cells whose version moved since this instance last read them (ADR 0093); cells
     * written before versions existed send the read down {@link #sumsOfAll}.
     */
    public Mono<Map<String, Tally>> sums(String surveyId, Function<Cell, String> groupOf) {
        return sums(surveyId, null, groupOf);
    }

    /**
     * The same, naming the grouping ({@code grouping} non-null): the sums kept for it follow the cells that moved, and
     * when none did they are returned as they are (ADR 0094). Every cell's version is read from the store either way.
     */
    public Mono<Map<String, Tally>> sums(String surveyId, String grouping, Function<Cell, String> groupOf) {
        CachedCells.SurveyCells survey = cached.of(surveyId);
        // the driver's collection, not the template: no mapping or load events for hundreds of two-field documents
        return mongo.getCollection(COLLECTION)
            .flatMap(c -> Flux.from(c.find(Filters.eq("surveyId", surveyId)).projection(new Document(VERSION, 1))
                .batchSize(ONE_REPLY)).collectList())
            .flatMap(all -> {
                List<String> ids = new ArrayList<>(all.size());
                all.forEach(cell -> ids.add(cell.getString("_id")));
                List<String> stale = survey.stale(all);
                return fetch(surveyId, stale, all.size()).flatMap(fetched -> {
                    if (fetched.stream().anyMatch(cell -> version(cell) == null)) {
                        return sumsOfAll(surveyId, groupOf);
                    }
                    cached.put(survey, fetched);
                    Map<String, Tally> sums = survey.sums(ids, grouping, groupOf);
                    return sums == null ? sumsOfAll(surveyId, groupOf) : Mono.just(sums);
                });
            });
    }

    private Mono<List<Document>> fetch(String surveyId, List<String> stale, int cells) {
        if (stale.isEmpty()) {
            return Mono.just(List.of());
        }
        // most cells moved (a busy survey): one query for all of them beats a long $in
        Bson changed = stale.size() * 2 > cells ? Filters.eq("surveyId", surveyId) : Filters.in("_id", stale);
        return mongo.getCollection(COLLECTION).flatMap(c -> Flux.from(c.find(changed)
            .projection(new Document(TallyWrites.GUARDS, 0)).batchSize(ONE_REPLY)).collectList());
    }

    static Long version(Document cell) {
        return cell.get(VERSION) instanceof Number number ? number.longValue() : null;
    }

    /** The same sums from every stored cell in full (ADR 0087): cells without a version. */
    Mono<Map<String, Tally>> sumsOfAll(String surveyId, Function<Cell, String> groupOf) {
        return mongo.find(Query.query(Criteria.where("surveyId").is(surveyId)), Document.class, COLLECTION)
            .reduce(new HashMap<String, Map<String, long[]>>(), (groups, document) -> {
                addCounters(document, groups.computeIfAbsent(groupOf.apply(cellOf(document)), group -> new HashMap<>()));
                return groups;
            })
            .map(groups -> {
                Map<String, Tally> tallies = new HashMap<>();
                groups.forEach((group, fields) -> tallies.put(group, new Tally(paths(fields))));
                return tallies;
            });
    }

    static void addCounters(Document cell, Map<String, long[]> fields) {
        cell.forEach((field, value) -> {
            if (field.startsWith(COUNTER_PREFIX) && value instanceof Number number) {
                fields.computeIfAbsent(field, f -> new long[1])[0] += number.longValue();
            }
        });
    }

    private static Map<String, Long> paths(Map<String, long[]> fields) {
        Map<String, Long> counters = new HashMap<>(fields.size() * 2);
        fields.forEach((field, value) -> {
            if (value[0] != 0L) {
                counters.put(counterPath(field), value[0]);
            }
        });
        return counters;
    }

    /** The counter path of a store field ({@code c:q:Q:n} -> {@code q.Q.n}). */
    static String counterPath(String field) {
        return field.substring(COUNTER_PREFIX.length()).replace(':', '.');
    }

    /** The store field of a counter path ({@code q.Q.n} -> {@code c:q:Q:n}; ids never contain ':'). */
    static String counterField(String path) {
        return COUNTER_PREFIX + path.replace('.', ':');
    }

    /** A full recomputation from every stored response, for tests, the benchmark and repair; never for reads. */
    public Mono<Map<Cell, Tally>> recompute(String surveyId, Questionnaire questionnaire) {
        return responses.ofSurvey(surveyId)
            .reduce(new HashMap<Cell, Map<String, Long>>(), (sums, response) -> {
                questionnaire.tally(Responses.answersOf(response))
                    .addTo(sums.computeIfAbsent(cellOf(response.get("cell", Document.class)), cell -> new HashMap<>()));
                return sums;
            })
            .map(sums -> {
                Map<Cell, Tally> tallies = new HashMap<>();
                sums.forEach((cell, counters) -> tallies.put(cell, Tally.sum(java.util.stream.Stream.of(new Tally(counters)))));
                return Map.copyOf(tallies);
            });
    }

    /** Whether the stored counters equal a full recomputation. */
    public Mono<Boolean> matchRecomputation(String surveyId, Questionnaire questionnaire) {
        Mono<Map<Cell, Tally>> stored = cells(surveyId)
            .filter(cell -> !cell.tally().counters().isEmpty())
            .collectMap(CellTally::cell, CellTally::tally);
        return Mono.zip(stored, recompute(surveyId, questionnaire)).map(both -> both.getT1().equals(both.getT2()));
    }

    static Cell cellOf(Document document) {
        AudienceRole role = Arrays.stream(AudienceRole.values())
            .filter(candidate -> candidate.key().equals(document.getString("role"))).findFirst().orElseThrow();
        return new Cell(document.getString("school"), document.getString("year"), role);
    }

    static Document cellDocument(Cell cell) {
        return new Document("school", cell.school()).append("year", cell.year()).append("role", cell.role().key());
    }

    static Map<String, Long> counters(Document cell) {
        Map<String, long[]> fields = new HashMap<>();
        addCounters(cell, fields);
        return paths(fields);
    }
}
