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
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * A carer's answer was cut off by a SIGKILL of the api instance saving it, after the response was stored and before
 * its tally write (issue 28's kill run: 1,996 respondents in the tallies, 2,000 stored), or before its response. Their
 * app repeated it without the Idempotency-Key: the periodic work of the instances left finishes a stored response,
 * counted once, within the seconds a keyed repeat would need, not minutes later; a response never stored is the
 * repeat's to give once the first attempt is 5 s old (ADR 0407).
 */
@ApiTest
class CarerWhoseSubmissionWasCutOffByACrashIsCountedOnceTests {

    private static final Duration LONG_ENOUGH = Duration.ofSeconds(60);

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
    SurveyBackgroundWork background;

    final Map<String, Object> answers = Map.of("happy", 5, "travel", "walk");

    @Test
    void anAnswerStoredButNotCountedWhenItsInstanceDiedIsCountedByTheInstancesLeft() {
        CutOff first = storedNotCounted("Cut off after the response", "pup-k1", Duration.ofSeconds(6));
        StepVerifier.create(responding.submit(first.survey(), first.child(), answers, null))
            .expectErrorSatisfies(failure -> assertThat(((Problem) failure).kind())
                .as("the repeat without its key is told the child's survey is answered").isEqualTo("already-answered"))
            .verify(LONG_ENOUGH);

        background.once().block(LONG_ENOUGH);

        assertCountedOnce(first.survey(), 1);
        assertThat(participations.find(first.participationId()).block(LONG_ENOUGH).getString("state"))
            .isEqualTo(Participations.SUBMITTED);
    }

    @Test
    void aSlowFirstAttemptFinishingAfterTheInstancesLeftFinishedItCountsNothingTwice() {
        CutOff first = storedNotCounted("Slow after the response", "pup-k2", Duration.ofSeconds(6));

        background.once().block(LONG_ENOUGH);
        anotherCarerAnswers(first.survey()); // a write to the same cell: it carries the guards released so far
        responding.finish(first.survey(), first.participationId(), first.stored()).block(LONG_ENOUGH);

        assertCountedOnce(first.survey(), 2);
    }

    @Test
    void theMarkOfAnAnswerWhoseResponseNeverArrivedIsKeptForARepeatWithItsKey() {
        Survey survey = AnonymousCarerSurveys.opened(surveys, "Cut off before the response");
        ResponseUnit child = child("pup-k3");
        String key = UUID.randomUUID().toString();
        String participationId = unitKeys.participationId(survey.id(), child.key()).block(LONG_ENOUGH);
        participations.insertPending(participationId, survey.id(), UUID.randomUUID().toString(), UnitKeys.digest(key),
            null, Instant.now().minus(Duration.ofSeconds(6))).block(LONG_ENOUGH);

        background.once().block(LONG_ENOUGH);
        assertThat(participations.find(participationId).block(LONG_ENOUGH)).as("not forgotten within seconds").isNotNull();

        assertThat(responding.submit(survey, child, answers, key).block(LONG_ENOUGH).replayed()).isTrue();
        assertCountedOnce(survey, 1);
    }

    @Test
    void aRepeatWithoutTheKeyOfAnAnswerCutOffBeforeItsResponseWaitsItsTurnThenIsTheAnswer() {
        Survey survey = AnonymousCarerSurveys.opened(surveys, "Cut off before the response, repeated without the key");
        ResponseUnit justCutOff = child("pup-k5");
        pendingWithoutResponse(survey, justCutOff, Duration.ZERO);
        StepVerifier.create(responding.submit(survey, justCutOff, answers, null))
            .expectErrorSatisfies(failure -> {
                Problem problem = (Problem) failure;
                assertThat(problem.kind()).as("not told it was answered: nothing was stored").isEqualTo("submission-in-progress");
                assertThat(problem.headers()).containsKey("Retry-After");
            })
            .verify(LONG_ENOUGH);

        ResponseUnit cutOffSecondsAgo = child("pup-k6");
        String participationId = pendingWithoutResponse(survey, cutOffSecondsAgo, Duration.ofSeconds(6));
        SubmissionReceipt receipt = responding.submit(survey, cutOffSecondsAgo, answers, null).block(LONG_ENOUGH);

        assertThat(receipt.replayed()).isFalse();
        assertCountedOnce(survey, 1);
        assertThat(participations.find(participationId).block(LONG_ENOUGH).getString("state"))
            .isEqualTo(Participations.SUBMITTED);
    }

    @Test
    void twoAttemptsAtOneAnswerWaitingForTheSameTallyWriteAddItOnce() {
        Survey survey = AnonymousCarerSurveys.opened(surveys, "Two attempts in one write");
        Cell cell = child("pup-k4").cell();
        String responseId = UUID.randomUUID().toString();
        var tally = survey.questionnaire().tally(survey.questionnaire().validate(answers, true));

        // the first write to the cell is in flight; both attempts at the same response wait for the next one
        Mono.when(tallies.apply(survey.id(), cell, UUID.randomUUID().toString(), tally),
                tallies.apply(survey.id(), cell, responseId, tally),
                tallies.apply(survey.id(), cell, responseId, tally))
            .block(LONG_ENOUGH);

        assertThat(tallies.cells(survey.id()).single().block(LONG_ENOUGH).tally().respondents()).isEqualTo(2);
    }

    @Test
    void anAnswerThatCannotBeFinishedDoesNotHoldUpTheAnswersBehindIt() {
        String goneSurvey = "srv-gone-" + UUID.randomUUID();
        String goneResponse = UUID.randomUUID().toString();
        String goneMark = "part-gone-" + UUID.randomUUID();
        participations.insertPending(goneMark, goneSurvey, goneResponse, null, null, Instant.now().minus(Duration.ofMinutes(1)))
            .block(LONG_ENOUGH);
        responses.insertOnce(new Document("_id", goneResponse).append("surveyId", goneSurvey)
            .append("cell", Tallies.cellDocument(child("pup-k5-gone").cell())).append("answers", new Document())
            .append("submittedOn", "2026-12-07")).block(LONG_ENOUGH);
        CutOff behind = storedNotCounted("Behind an answer whose survey is gone", "pup-k5", Duration.ofSeconds(6));

        try {
            background.once().block(LONG_ENOUGH);

            assertCountedOnce(behind.survey(), 1);
            assertThat(participations.find(goneMark).block(LONG_ENOUGH).getString("state"))
                .as("the one that cannot be finished is left for the next sweep").isEqualTo(Participations.PENDING);
        } finally {
            participations.forgetPending(goneMark, goneResponse).block(LONG_ENOUGH);
        }
    }

    /** A submission whose PENDING mark was written {@code ago} and whose response was stored, then nothing. */
    private record CutOff(Survey survey, ResponseUnit child, String participationId, Document stored) {
    }

    private CutOff storedNotCounted(String title, String pupilId, Duration ago) {
        Survey survey = AnonymousCarerSurveys.opened(surveys, title);
        ResponseUnit child = child(pupilId);
        String responseId = UUID.randomUUID().toString();
        String participationId = unitKeys.participationId(survey.id(), child.key()).block(LONG_ENOUGH);
        participations.insertPending(participationId, survey.id(), responseId, null, null, Instant.now().minus(ago))
            .block(LONG_ENOUGH);
        Document stored = responses.insertOnce(new Document("_id", responseId).append("surveyId", survey.id())
            .append("cell", Tallies.cellDocument(child.cell()))
            .append("answers", new Document(survey.questionnaire().validate(answers, true)))
            .append("submittedOn", "2026-12-07")).block(LONG_ENOUGH);
        return new CutOff(survey, child, participationId, stored);
    }

    /** A PENDING mark written {@code ago} by an attempt without a key that was cut off before storing its response. */
    private String pendingWithoutResponse(Survey survey, ResponseUnit child, Duration ago) {
        String participationId = unitKeys.participationId(survey.id(), child.key()).block(LONG_ENOUGH);
        participations.insertPending(participationId, survey.id(), UUID.randomUUID().toString(), null, null,
            Instant.now().minus(ago)).block(LONG_ENOUGH);
        return participationId;
    }

    private void anotherCarerAnswers(Survey survey) {
        responding.submit(survey, child("pup-k-other-" + UUID.randomUUID()), answers, UUID.randomUUID().toString())
            .block(LONG_ENOUGH);
    }

    private void assertCountedOnce(Survey survey, long answered) {
        assertThat(responses.ofSurvey(survey.id()).count().block(LONG_ENOUGH)).as("responses stored").isEqualTo(answered);
        assertThat(tallies.cells(survey.id()).single().block(LONG_ENOUGH).tally().respondents()).as("respondents counted")
            .isEqualTo(answered);
        assertThat(tallies.matchRecomputation(survey.id(), survey.questionnaire()).block(LONG_ENOUGH)).isTrue();
    }

    private static ResponseUnit child(String pupilId) {
        return new ResponseUnit(pupilId, "carer.demo|" + pupilId, "per-carer", pupilId, "Your child",
            new Cell("sch-001", "R", AudienceRole.CARERS));
    }
}
