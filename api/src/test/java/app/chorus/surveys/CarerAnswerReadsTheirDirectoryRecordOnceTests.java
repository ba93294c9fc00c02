package app.chorus.surveys;

import static app.chorus.surveys.SurveyFixtures.draft;
import static app.chorus.surveys.SurveyFixtures.walkingAnswers;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceRole;
import app.chorus.testing.ApiTest;
import app.chorus.testing.StoreCommands;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A carer answers a survey for one child, alone (nothing in flight to share a read with): which units they owe is
 * decided from one read of their directory record, their children and audience keys together (ADR 0404).
 */
@ApiTest
class CarerAnswerReadsTheirDirectoryRecordOnceTests {

    @Autowired
    WebTestClient web;
    @Autowired
    MeterRegistry meters;

    @Test
    void anAnswerGivenAloneReadsTheCarersRecordOnceForEligibility() {
        SurveyFixtures surveys = new SurveyFixtures(web);
        String id = surveys.opened("leader.trust", draft("Trust parent survey, one read", Audience.trust(AudienceRole.CARERS),
            Anonymity.ANONYMOUS));

        StoreCommands commands = new StoreCommands(meters);
        surveys.submit("carer.demo", id, "pup-000001", walkingAnswers()).expectStatus().isCreated();
        Map<String, Double> during = commands.take();

        assertThat(during.getOrDefault("find directory_people", 0.0)).as("reads of the carer's directory record").isEqualTo(1.0);
    }
}
