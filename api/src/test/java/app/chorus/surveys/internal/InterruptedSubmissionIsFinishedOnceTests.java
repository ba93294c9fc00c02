package app.chorus.surveys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.directory.AudienceRole;
import app.chorus.testing.ApiTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A crash between the writes of a submission (ADR 0052), replayed by writing the first steps by hand. */
@ApiTest
class InterruptedSubmissionIsFinishedOnceTests {

    @Autowired
    SurveyStore surveys;
    @Autowired
    Participations participations;
    @Autowired
    Responses responses;
    @Autowired
    Tallies tallies;
    @Autowired
    SubmissionRecovery recovery;
    @Autowired
    SurveyResponding responding;

    final Cell oakfieldReception = new Cell("sch-001", "R", AudienceRole.CARERS);
    final Map<String, Object> answers = Map.of("happy", 5, "travel", "walk");

    @Test
    void aResponseStoredButNotCountedIsCountedOnceByRecovery() {
        Survey survey = AnonymousCarerSurveys.opened(surveys, "Crash survey");
        crashAfterStoringResponse(survey, "mark-a", false);

        recovery.sweep(Instant.now()).block();
        recovery.sweep(Instant.now()).block();

        assertCountedOnce(survey, "mark-a");
    }

    @Test
    void aResponseCountedButNotMarkedIsNotCountedAgainByRecovery() {
        Survey survey = AnonymousCarerSurveys.opened(surveys, "Crash survey");
        crashAfterStoringResponse(survey, "mark-b", true);

        recovery.sweep(Instant.now()).block();
        // a guard goes once sweeps have found it for a sweep's period (ADR 0400, 0407)
        recovery.sweep(Instant.now().plus(SubmissionRecovery.GUARD_FOUND_FOR)).block();

        assertCountedOnce(survey, "mark-b");
        assertThat(tallies.withPending().filter(cell -> survey.id().equals(cell.getString("surveyId"))).collectList().block())
            .as("the guard is released").isEmpty();
    }

    @Test
    void aMarkWhoseResponseNeverArrivedIsForgottenSoThePersonMayAnswerAgain() {
        Survey survey = AnonymousCarerSurveys.opened(surveys, "Crash survey");
        String mark = survey.id() + ":mark-c";
        participations.insertPending(mark, survey.id(), UUID.randomUUID().toString(), null, null,
            Instant.now().minus(10, ChronoUnit.MINUTES)).block();

        recovery.sweep(Instant.now()).block();

        assertThat(participations.find(mark).block()).isNull();
    }

    private String crashAfterStoringResponse(Survey survey, String markSuffix, boolean alsoCounted) {
        String responseId = UUID.randomUUID().toString();
        String mark = survey.id() + ":" + markSuffix;
        participations.insertPending(mark, survey.id(), responseId, null, null, Instant.now().minus(10, ChronoUnit.MINUTES)).block();
        responses.insertOnce(new Document("_id", responseId).append("surveyId", survey.id())
            .append("cell", Tallies.cellDocument(oakfieldReception)).append("answers", new Document(answers))
            .append("submittedOn", "2026-11-24")).block();
        if (alsoCounted) {
            tallies.apply(survey.id(), oakfieldReception, responseId, survey.questionnaire().tally(answers)).block();
        }
        return responseId;
    }

    private void assertCountedOnce(Survey survey, String markSuffix) {
        assertThat(tallies.matchRecomputation(survey.id(), survey.questionnaire()).block()).isTrue();
        List<Tallies.CellTally> cells = tallies.cells(survey.id()).collectList().block();
        assertThat(cells).singleElement().satisfies(cell -> assertThat(cell.tally().respondents()).isEqualTo(1));
        Document mark = participations.find(survey.id() + ":" + markSuffix).block();
        assertThat(mark.getString("state")).isEqualTo(Participations.SUBMITTED);
        assertThat(mark.containsKey("responseId")).as("anonymous marks forget their response").isFalse();
    }
}
