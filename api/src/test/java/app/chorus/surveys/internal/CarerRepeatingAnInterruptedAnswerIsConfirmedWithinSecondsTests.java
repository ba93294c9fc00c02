package app.chorus.surveys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.directory.AudienceRole;
import app.chorus.shared.Problem;
import app.chorus.testing.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;

/**
 * A carer's answer was interrupted: the api instance saving it was killed, or was so slow that the gateway gave up
 * after 5 s. Repeating it with the same Idempotency-Key a few seconds later confirms it, and whichever attempt finishes
 * last, the answer is stored and counted once (ADR 0400).
 */
@ApiTest
class CarerRepeatingAnInterruptedAnswerIsConfirmedWithinSecondsTests {

    @Autowired
    SurveyStore surveys;
    @Autowired
    UnitKeys unitKeys;
    @Autowired
    Participations participations;
    @Autowired
    Responses responses;
    @Autowired
    Tallies tallies;
    @Autowired
    SurveyResponding responding;
    @Autowired
    SubmissionRecovery recovery;

    final Map<String, Object> answers = Map.of("happy", 5, "travel", "walk");

    @Test
    void anAnswerInterruptedSixSecondsAgoIsConfirmedByTheRepeat() {
        Survey survey = AnonymousCarerSurveys.opened(surveys, "Interrupted answer");
        ResponseUnit child = child("pup-a");
        String key = UUID.randomUUID().toString();
        String responseId = startedAgo(survey, child, key, Duration.ofSeconds(6));
        // stored and counted on the instance that was killed, never confirmed: its mark stays PENDING
        responses.insertOnce(new Document("_id", responseId).append("surveyId", survey.id())
            .append("cell", Tallies.cellDocument(child.cell())).append("answers", new Document(valid(survey)))
            .append("submittedOn", "2026-12-06")).block();
        tallies.apply(survey.id(), child.cell(), responseId, survey.questionnaire().tally(valid(survey))).block();
        pending(survey, child, responseId, key);

        SubmissionReceipt receipt = responding.submit(survey, child, answers, key).block();

        assertThat(receipt.replayed()).as("the repeat is told its answer was saved").isTrue();
        assertCountedOnce(survey, 1);
    }

    @Test
    void aRepeatWhileTheAnswerMayStillBeSavingIsToldHowLongToWait() {
        Survey survey = AnonymousCarerSurveys.opened(surveys, "Answer still saving");
        ResponseUnit child = child("pup-b");
        String key = UUID.randomUUID().toString();
        startedAgo(survey, child, key, Duration.ofSeconds(2));

        StepVerifier.create(responding.submit(survey, child, answers, key))
            .expectErrorSatisfies(failure -> {
                Problem problem = (Problem) failure;
                assertThat(problem.status()).isEqualTo(409);
                assertThat(problem.kind()).isEqualTo("submission-in-progress");
                assertThat(Long.parseLong(problem.headers().get("Retry-After")))
                    .as("the seconds left before a repeat takes over, not a fixed wait").isBetween(1L, 3L);
            })
            .verify();
    }

    @Test
    void aSlowFirstAttemptFinishingAfterTheRepeatTookOverCountsNothingTwice() {
        Survey survey = AnonymousCarerSurveys.opened(surveys, "Slow first attempt");
        ResponseUnit child = child("pup-c");
        String key = UUID.randomUUID().toString();
        String responseId = startedAgo(survey, child, key, Duration.ofSeconds(6));

        assertThat(responding.submit(survey, child, answers, key).block().replayed()).isTrue();
        anotherCarerAnswers(survey);
        // the first attempt, alive but stalled after its PENDING mark, carries on with its own steps
        responding.complete(survey, child, participationOf(survey, child), responseId, valid(survey), Instant.now()).block();

        assertCountedOnce(survey, 2);
    }

    @Test
    void aRepeatThatTookOverFinishingAfterTheSlowFirstAttemptCountsNothingTwice() {
        Survey survey = AnonymousCarerSurveys.opened(surveys, "Slow take-over");
        ResponseUnit child = child("pup-d");
        String key = UUID.randomUUID().toString();
        String responseId = startedAgo(survey, child, key, Duration.ofSeconds(6));
        String participationId = participationOf(survey, child);

        // the repeat found the mark PENDING and took over; before it counts, the first attempt finishes
        responding.complete(survey, child, participationId, responseId, valid(survey), Instant.now()).block();
        anotherCarerAnswers(survey);
        responding.complete(survey, child, participationId, responseId, valid(survey), Instant.now()).block();

        assertCountedOnce(survey, 2);
    }

    @Test
    void theRecoverySweepRightAfterATakeOverLeavesTheGuardTheSlowFirstAttemptNeeds() {
        Survey survey = AnonymousCarerSurveys.opened(surveys, "Sweep after take-over");
        ResponseUnit child = child("pup-e");
        String key = UUID.randomUUID().toString();
        String responseId = startedAgo(survey, child, key, Duration.ofSeconds(6));

        assertThat(responding.submit(survey, child, answers, key).block().replayed()).isTrue();
        recovery.sweep(Instant.now().minus(Duration.ofMinutes(2))).block();
        responding.complete(survey, child, participationOf(survey, child), responseId, valid(survey), Instant.now()).block();

        assertCountedOnce(survey, 1);
    }

    /** The first attempt's PENDING mark, written {@code ago}; its response id. */
    private String startedAgo(Survey survey, ResponseUnit child, String key, Duration ago) {
        String responseId = UUID.randomUUID().toString();
        participations.insertPending(participationOf(survey, child), survey.id(), responseId, UnitKeys.digest(key), null,
            Instant.now().minus(ago)).block();
        return responseId;
    }

    private void pending(Survey survey, ResponseUnit child, String responseId, String key) {
        Document mark = participations.find(participationOf(survey, child)).block();
        assertThat(mark.getString("state")).isEqualTo(Participations.PENDING);
        assertThat(mark.getString("responseId")).isEqualTo(responseId);
        assertThat(mark.getString("idempotencyKey")).isEqualTo(UnitKeys.digest(key));
    }

    /** A write to the same tally cell: it carries the guards released so far. */
    private void anotherCarerAnswers(Survey survey) {
        responding.submit(survey, child("pup-other-" + UUID.randomUUID()), answers, UUID.randomUUID().toString()).block();
    }

    private void assertCountedOnce(Survey survey, long answered) {
        assertThat(responses.ofSurvey(survey.id()).count().block()).as("responses stored").isEqualTo(answered);
        assertThat(tallies.cells(survey.id()).single().block().tally().respondents()).as("respondents counted")
            .isEqualTo(answered);
        assertThat(tallies.matchRecomputation(survey.id(), survey.questionnaire()).block()).isTrue();
    }

    private Map<String, Object> valid(Survey survey) {
        return survey.questionnaire().validate(answers, true);
    }

    private String participationOf(Survey survey, ResponseUnit child) {
        return unitKeys.participationId(survey.id(), child.key()).block();
    }

    private static ResponseUnit child(String pupilId) {
        return new ResponseUnit(pupilId, "carer.demo|" + pupilId, "per-carer", pupilId, "Your child",
            new Cell("sch-001", "R", AudienceRole.CARERS));
    }
}
