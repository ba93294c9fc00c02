package app.chorus.surveys.internal;

import app.chorus.directory.AudienceRole;
import app.chorus.questionnaires.Questionnaire;
import app.chorus.questionnaires.Tally;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Incrementally maintained counters ({@code survey_tallies}): one document per survey and {@link Cell}, changed by
 * one atomic {@code $inc} per submission. The {@code $inc} is guarded by the response id in {@code pending}, so a
 * retried submission never counts twice; the id is pulled once the participation mark says SUBMITTED.
 */
@Component
public class Tallies {

    public static final String COLLECTION = "survey_tallies";

    private final ReactiveMongoTemplate mongo;
    private final Responses responses;

    Tallies(ReactiveMongoTemplate mongo, Responses responses) {
        this.mongo = mongo;
        this.responses = responses;
    }

    public record CellTally(Cell cell, Tally tally) {
    }

    /** Adds one response's counts to its cell exactly once. */
    public Mono<Void> apply(String surveyId, Cell cell, String responseId, Tally tally) {
        String cellId = cell.id(surveyId);
        Query notYet = Query.query(Criteria.where("_id").is(cellId).and("pending").ne(responseId));
        Update update = new Update().push("pending", responseId)
            .setOnInsert("surveyId", surveyId).setOnInsert("school", cell.school())
            .setOnInsert("year", cell.year()).setOnInsert("role", cell.role().key());
        tally.counters().forEach((path, value) -> update.inc("c." + path, value));
        return mongo.upsert(notYet, update, COLLECTION).then()
            .onErrorResume(DuplicateKeyException.class, raceOrRetry -> isPending(cellId, responseId)
                .flatMap(applied -> applied ? Mono.empty() : mongo.updateFirst(notYet, update, COLLECTION).then()));
    }

    public Mono<Void> release(String surveyId, Cell cell, String responseId) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(cell.id(surveyId))),
            new Update().pull("pending", responseId), COLLECTION).then();
    }

    public Mono<Boolean> isPending(String cellId, String responseId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(cellId).and("pending").is(responseId)), COLLECTION);
    }

    /** Cells still holding response ids in {@code pending} (only after a crash mid-submission). */
    public Flux<Document> withPending() {
        return mongo.find(Query.query(Criteria.where("pending.0").exists(true)), Document.class, COLLECTION);
    }

    /** The stored counters of every cell of a survey: O(cells), independent of the number of responses. */
    public Flux<CellTally> cells(String surveyId) {
        return mongo.find(Query.query(Criteria.where("surveyId").is(surveyId)), Document.class, COLLECTION)
            .map(document -> new CellTally(cellOf(document), new Tally(flatten(document.get("c", Document.class)))));
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

    static Map<String, Long> flatten(Document counters) {
        Map<String, Long> flat = new TreeMap<>();
        if (counters != null) {
            flatten("", counters, flat);
        }
        flat.values().removeIf(value -> value == 0L);
        return flat;
    }

    private static void flatten(String prefix, Document document, Map<String, Long> into) {
        document.forEach((key, value) -> {
            if (value instanceof Document nested) {
                flatten(prefix + key + ".", nested, into);
            } else if (value instanceof Number number) {
                into.put(prefix + key, number.longValue());
            }
        });
    }
}
