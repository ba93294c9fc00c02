package app.chorus.opinions;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import app.chorus.testing.ApiTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A consultation's deliberation phase links to its conversation: a pupil in the audience finds it from the
 * consultation and sees their progress (statements shown, their votes); a carer outside the audience finds nothing;
 * asking without saying which consultation is refused naming the field.
 */
@ApiTest
class ParticipantFindsTheConsultationsConversationTests {

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    @SuppressWarnings("unchecked")
    void aPupilFindsTheConversationOfTheConsultationAndTheirProgress() {
        var scenario = OpinionScenario.of(context);
        String consultation = "consultation-" + java.util.UUID.randomUUID();
        Map<String, Object> body = Map.of("topic", "Should the school day start later?", "consultationId", consultation,
            "audience", Map.of("scope", "TRUST", "ids", List.of(), "roles", List.of("PUPILS")));
        String conversation = (String) scenario.as(OpinionScenario.LEADER).post().uri(OpinionScenario.BASE).bodyValue(body)
            .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        String first = scenario.seed(conversation, "School should start at 9:30");
        scenario.seed(conversation, "Buses would have to change");
        CurrentUser pupil = OpinionScenario.pupil(40);
        scenario.vote(pupil, conversation, first, "AGREE").expectStatus().isOk();

        List<Map<String, Object>> found = list(scenario, pupil, consultation);
        assertThat(found).singleElement().satisfies(view -> assertThat(view)
            .containsEntry("id", conversation).containsEntry("strict", true).containsEntry("youTakePart", true)
            .containsEntry("youLead", false).containsEntry("statementsShown", 2).containsEntry("yourVotes", 1));
        assertThat(list(scenario, OpinionScenario.LEADER, consultation)).singleElement()
            .satisfies(view -> assertThat(view).containsEntry("youLead", true));
        scenario.as(pupil).get().uri(OpinionScenario.BASE + "/{id}", conversation).exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.topic").isEqualTo("Should the school day start later?").jsonPath("$.yourVotes").isEqualTo(1);

        CurrentUser carer = new CurrentUser("c", "c", "car-000003", Set.of(Role.CARER));
        assertThat(list(scenario, carer, consultation)).as("not addressed to carers: nothing to find").isEmpty();
        scenario.as(carer).get().uri(OpinionScenario.BASE + "/{id}", conversation).exchange().expectStatus().isNotFound();
        scenario.as(pupil).get().uri(OpinionScenario.BASE).exchange().expectStatus().isBadRequest()
            .expectBody().jsonPath("$.field").isEqualTo("consultationId");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(OpinionScenario scenario, CurrentUser who, String consultation) {
        Map<String, Object> page = scenario.as(who).get().uri(OpinionScenario.BASE + "?consultationId={c}", consultation)
            .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (List<Map<String, Object>>) page.get("items");
    }
}
