package app.chorus.surveys;

import static app.chorus.surveys.SurveyFixtures.draft;
import static app.chorus.surveys.SurveyFixtures.walkingAnswers;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceRole;
import app.chorus.testing.ApiTest;
import app.chorus.testing.StoreCommands;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A carer answers a survey for each child, alone (nothing in flight to share a store command with): which units they
 * owe comes from one read of their directory record (ADR 0404), and a written answer is queued for moderation with
 * its verdict already in the stored response (ADR 0412), so the results still show it.
 */
@ApiTest
class CarerAnswerGivenAloneSendsFewStoreCommandsTests {

    @Autowired
    WebTestClient web;
    @Autowired
    MeterRegistry meters;

    @Test
    void anAnswerReadsTheCarersRecordOnceAndAWrittenAnswerIsQueuedWithoutAReadOrASecondWrite() {
        SurveyFixtures surveys = new SurveyFixtures(web);
        String id = surveys.opened("leader.trust", draft("Trust parent survey, few commands", Audience.trust(AudienceRole.CARERS),
            Anonymity.NAMED));
        List<String> children = List.of("pup-000001", unitOtherThan(id, "pup-000001"));
        Map<String, Object> written = new HashMap<>(walkingAnswers());
        written.put("ideas", "A covered bike shed");

        StoreCommands commands = new StoreCommands(meters);
        surveys.submit("carer.demo", id, children.get(0), walkingAnswers()).expectStatus().isCreated();
        assertThat(commands.take().getOrDefault("find directory_people", 0.0)).as("reads of the carer's directory record")
            .isEqualTo(1.0);

        surveys.submit("carer.demo", id, children.get(1), written).expectStatus().isCreated();
        Map<String, Double> writtenAnswer = commands.take();
        assertThat(writtenAnswer.getOrDefault("insert moderation_items", 0.0)).as("queued for moderation").isEqualTo(1.0);
        assertThat(writtenAnswer.getOrDefault("find moderation_items", 0.0)).as("looked for in the queue first").isZero();
        assertThat(writtenAnswer.getOrDefault("update survey_responses", 0.0)).as("its verdict written afterwards").isZero();
        surveys.results("leader.trust", id, "school").jsonPath("$.respondents").isEqualTo(2);
    }

    @SuppressWarnings("unchecked")
    private String unitOtherThan(String id, String unit) {
        Map<String, Object> page = web.get().uri("/api/v1/surveys/waiting")
            .header("Authorization", app.chorus.testing.Tokens.bearer("carer.demo")).exchange().expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) page.get("items")).stream().filter(survey -> id.equals(survey.get("surveyId")))
            .flatMap(survey -> ((List<Map<String, Object>>) survey.get("units")).stream())
            .map(candidate -> candidate.get("unit").toString()).filter(candidate -> !candidate.equals(unit))
            .findFirst().orElseThrow();
    }
}
