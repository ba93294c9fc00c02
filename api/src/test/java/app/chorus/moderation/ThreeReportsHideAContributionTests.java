package app.chorus.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.notifications.NotificationsTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@NotificationsTest
class ThreeReportsHideAContributionTests {

    @Autowired
    WebTestClient web;

    @Autowired
    Moderation moderation;

    @Test
    void theThirdPersonsReportHidesItUntilTheHeadReviewsIt() {
        var scenario = new ModerationScenario(web, moderation);
        Contribution comment = scenario.written("car-000002", false, "This idea is daft and so are you");
        scenario.submit(comment);

        report(scenario, "carer.demo", comment).expectStatus().isOk().expectBody().jsonPath("$.visibility").isEqualTo("SHOWN");
        report(scenario, "carer.demo", comment).expectStatus().isOk().expectBody().jsonPath("$.visibility").isEqualTo("SHOWN");
        report(scenario, "teacher.oakfield", comment).expectStatus().isOk();
        assertThat(scenario.visibility(comment)).as("two people reported it, one of them twice").isEqualTo(Visibility.SHOWN);

        report(scenario, "head.riverside", comment).expectStatus().isNotFound();
        report(scenario, "pupil.demo", comment).expectStatus().isOk()
            .expectBody().jsonPath("$.visibility").isEqualTo("HIDDEN_AFTER_REPORTS");
        assertThat(scenario.queueOf("head.oakfield")).filteredOn("id", comment.ref().id()).singleElement()
            .satisfies(entry -> assertThat(entry.get("reason")).isEqualTo("Reported by 3 people: hidden until reviewed"));

        scenario.decide("head.oakfield", comment, "REMOVED", "Unkind to another parent").expectStatus().isOk();
        assertThat(scenario.visibility(comment)).isEqualTo(Visibility.REMOVED);
    }

    @Test
    void nobodyReportsTheirOwnContribution() {
        var scenario = new ModerationScenario(web, moderation);
        Contribution own = scenario.written(ModerationScenario.CARER, false, "My own idea");
        scenario.submit(own);
        report(scenario, "carer.demo", own).expectStatus().isBadRequest();
        assertThat(scenario.visibility(own)).isEqualTo(Visibility.SHOWN);
    }

    private static WebTestClient.ResponseSpec report(ModerationScenario scenario, String who, Contribution contribution) {
        return scenario.post(who, contribution, "reports", Map.of("reason", "unkind"));
    }
}
