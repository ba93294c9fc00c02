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
        Attempt first = startedAgo("Interrupted answer", "pup-a", Duration.ofSeconds(6));
        // stored and counted on the instance that was killed, never confirmed: its mark stays PENDING
        responses.insertOnce(new Document("_id", first.responseId()).append("surveyId", first.survey().id())
            .append("cell", Tallies.cellDocument(first.child().cell())).append("answers", new Document(valid(first)))
            .append("submittedOn", "2026-12-06")).block();
        tallies.apply(first.survey().id(), first.child().cell(), first.responseId(),
            first.survey().questionnaire().tally(valid(first))).block();
        pending(first);

        assertThat(repeat(first).replayed()).as("the repeat is told its answer was saved").isTrue();

        assertCountedOnce(first.survey(), 1);
    }

    @Test
    void aRepeatWhileTheAnswerMayStillBeSavingIsToldHowLongToWait() {
        Attempt first = startedAgo("Answer still saving", "pup-b", Duration.ofSeconds(2));

        StepVerifier.create(responding.submit(first.survey(), first.child(), answers, first.key()))
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
        Attempt first = startedAgo("Slow first attempt", "pup-c", Duration.ofSeconds(6));

        assertThat(repeat(first).replayed()).isTrue();
        anotherCarerAnswers(first.survey());
        completeLate(first); // the first attempt, alive but stalled after its PENDING mark, carries on

        assertCountedOnce(first.survey(), 2);
    }

    @Test
    void aRepeatThatTookOverFinishingAfterTheSlowFirstAttemptCountsNothingTwice() {
        Attempt first = startedAgo("Slow take-over", "pup-d", Duration.ofSeconds(6));

        // the repeat found the mark PENDING and took over; before it counts, the first attempt finishes
        completeLate(first);
        anotherCarerAnswers(first.survey());
        completeLate(first);

        assertCountedOnce(first.survey(), 2);
    }

    @Test
    void theRecoverySweepRightAfterATakeOverLeavesTheGuardTheSlowFirstAttemptNeeds() {
        Attempt first = startedAgo("Sweep after take-over", "pup-e", Duration.ofSeconds(6));

        assertThat(repeat(first).replayed()).isTrue();
        recovery.sweep(Instant.now()).block();
        completeLate(first);

        assertCountedOnce(first.survey(), 1);
    }

    /** A submission whose PENDING mark was written {@code ago}, by an attempt that got no further (yet). */
    private record Attempt(Survey survey, ResponseUnit child, String key, String responseId, String participationId) {
    }

    private Attempt startedAgo(String title, String pupilId, Duration ago) {
        Survey survey = AnonymousCarerSurveys.opened(surveys, title);
        ResponseUnit child = child(pupilId);
        String key = UUID.randomUUID().toString();
        String responseId = UUID.randomUUID().toString();
        String participationId = unitKeys.participationId(survey.id(), child.key()).block();
        participations.insertPending(participationId, survey.id(), responseId, UnitKeys.digest(key), null,
            Instant.now().minus(ago)).block();
        return new Attempt(survey, child, key, responseId, participationId);
    }

    private SubmissionReceipt repeat(Attempt first) {
        return responding.submit(first.survey(), first.child(), answers, first.key()).block();
    }

    /** The steps after the PENDING mark, by an attempt that stalled (or took over) before them. */
    private void completeLate(Attempt attempt) {
        responding.complete(attempt.survey(), attempt.child(), attempt.participationId(), attempt.responseId(),
            valid(attempt), Instant.now()).block();
    }

    private void pending(Attempt first) {
        Document mark = participations.find(first.participationId()).block();
        assertThat(mark.getString("state")).isEqualTo(Participations.PENDING);
        assertThat(mark.getString("responseId")).isEqualTo(first.responseId());
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

    private Map<String, Object> valid(Attempt attempt) {
        return attempt.survey().questionnaire().validate(answers, true);
    }

    private static ResponseUnit child(String pupilId) {
        return new ResponseUnit(pupilId, "carer.demo|" + pupilId, "per-carer", pupilId, "Your child",
            new Cell("sch-001", "R", AudienceRole.CARERS));
    }
}
