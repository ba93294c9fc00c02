package app.chorus.surveys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.directory.AudienceRole;
import app.chorus.platform.BulkWrites;
import app.chorus.shared.Problem;
import app.chorus.testing.ApiTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes of submissions arriving together travel in one bulk command (ADR 0087); a write the store refuses (a second
 * answer for a unit, a repeated response id) fails only the submission it belongs to.
 */
@ApiTest
class ConcurrentWritesEachGetTheirOwnOutcomeTests {

    @Autowired
    BulkWrites bulk;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    SurveyStore surveys;
    @Autowired
    SurveyResponding responding;
    @Autowired
    Drafts drafts;
    @Autowired
    UnitKeys unitKeys;
    @Autowired
    Tallies tallies;

    final Map<String, Object> answers = Map.of("happy", 5, "travel", "walk");

    @Test
    void aDuplicateAmongConcurrentInsertsFailsOnlyItsOwnCaller() {
        String collection = "bulk_test_" + UUID.randomUUID().toString().replace("-", "");
        mongo.insert(new Document("_id", "taken").append("by", "first"), collection).block();
        List<String> ids = IntStream.range(0, 40).mapToObj(i -> i == 17 ? "taken" : "id-" + i).toList();

        List<String> outcomes = Flux.fromIterable(ids)
            .flatMapSequential(id -> bulk.insert(collection, new Document("_id", id).append("by", "second"))
                .thenReturn("stored")
                .onErrorResume(DuplicateKeyException.class, duplicate -> Mono.just("duplicate")), 40)
            .collectList().block();

        assertThat(outcomes.get(17)).isEqualTo("duplicate");
        assertThat(outcomes).filteredOn("stored"::equals).hasSize(39);
        assertThat(mongo.findById("taken", Document.class, collection).block().getString("by")).isEqualTo("first");
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), collection).block()).isEqualTo(40);
    }

    @Test
    void submissionsArrivingTogetherEachGetTheirOwnAnswer() {
        Survey survey = AnonymousCarerSurveys.opened(surveys, "Together survey");
        List<ResponseUnit> units = IntStream.range(0, 30).mapToObj(this::unit).toList();
        ResponseUnit drafted = units.get(3);
        String draftMark = unitKeys.participationId(survey.id(), drafted.key()).block();
        drafts.save(draftMark, survey.id(), Map.of("happy", 2), Instant.now()).block();
        List<String> keys = units.stream().map(unit -> UUID.randomUUID().toString()).toList();

        List<Object> outcomes = Flux.range(0, 31)
            .flatMapSequential(i -> i < 30
                ? outcome(responding.submit(survey, units.get(i), answers, keys.get(i)))
                : outcome(responding.submit(survey, units.get(0), answers, "another key")), 31)
            .collectList().block();

        long accepted = outcomes.stream().filter(SubmissionReceipt.class::isInstance).count();
        assertThat(accepted).as("one answer per unit, the second one for unit 0 refused").isEqualTo(30);
        // refused as answered once the first is saved, or as still being saved while it is (ADR 0407)
        assertThat(outcomes).filteredOn(String.class::isInstance).singleElement()
            .isIn("already-answered", "submission-in-progress");
        assertThat(((SubmissionReceipt) outcomes.get(3)).replayed()).as("the draft became the answer").isFalse();
        assertThat(responding.submit(survey, units.get(5), answers, keys.get(5)).block().replayed())
            .as("a retry with the same key is answered from the first").isTrue();
        assertThat(tallies.matchRecomputation(survey.id(), survey.questionnaire()).block()).isTrue();
        assertThat(tallies.cells(survey.id()).single().block().tally().respondents()).isEqualTo(30);
    }

    private static Mono<Object> outcome(Mono<SubmissionReceipt> submission) {
        return submission.<Object>map(receipt -> receipt)
            .onErrorResume(Problem.class, problem -> Mono.just(problem.kind()));
    }

    private ResponseUnit unit(int i) {
        return new ResponseUnit("pup-t" + i, "pupil:pup-t" + i, "car-t" + i, "pup-t" + i, "Child " + i,
            new Cell("sch-001", "R", AudienceRole.CARERS));
    }
}
