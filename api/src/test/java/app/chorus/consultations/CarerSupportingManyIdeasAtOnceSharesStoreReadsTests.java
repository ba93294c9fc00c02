package app.chorus.consultations;

import static app.chorus.consultations.ConsultationFixtures.OLIVER;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.consultations.internal.IdeaManagement;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import app.chorus.testing.ApiTest;
import app.chorus.testing.StoreCommands;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A carer of two children supports many ideas at the same moment (ADR 0402): every support is counted exactly once
 * and a second support of the same idea for the same child is refused, while the requests in flight together share
 * their reads of the consultation, the ideas and the directory, and people already recorded as taking part are not
 * written again.
 */
@ApiTest
class CarerSupportingManyIdeasAtOnceSharesStoreReadsTests {

    private static final int IDEAS = 12;
    private static final CurrentUser CARER = new CurrentUser("carer.demo", "carer.demo", "car-000001", Set.of(Role.CARER));

    @Autowired
    WebTestClient web;
    @Autowired
    IdeaManagement ideas;
    @Autowired
    MeterRegistry meters;
    ConsultationFixtures consultations;

    @BeforeEach
    void fixtures() {
        consultations = new ConsultationFixtures(web);
    }

    @Test
    void supportsSentTogetherAreEachCountedOnceAndShareTheirReads() {
        String id = consultations.trustCarersInIdeas("Playground ideas");
        List<Map<?, ?>> voices = (List<Map<?, ?>>) consultations.get("carer.demo", id).get("yourVoices");
        String other = voices.stream().map(voice -> voice.get("as").toString()).filter(as -> !as.equals(OLIVER)).findFirst().orElseThrow();
        List<String> proposed = IntStream.range(0, IDEAS).mapToObj(i -> consultations.proposed("carer.demo", id, OLIVER, "Idea " + i)).toList();

        List<Mono<String>> first = new ArrayList<>();
        for (String idea : proposed) {
            first.add(support(id, idea, OLIVER));
            first.add(support(id, idea, OLIVER)); // the same child twice at the same moment: one of the two counts
        }
        StoreCommands commands = new StoreCommands(meters);
        List<String> outcomes = Flux.merge(first).collectList().block(Duration.ofSeconds(60));
        Map<String, Double> during = commands.take();

        assertThat(outcomes).filteredOn("supported"::equals).hasSize(IDEAS);
        assertThat(outcomes).filteredOn(outcome -> !outcome.equals("supported")).hasSize(IDEAS)
            .allMatch(outcome -> outcome.contains("already support"));
        for (String collection : List.of("consultations", "consultation_ideas", "directory_people", "directory_meta")) {
            assertThat(during.getOrDefault("find " + collection, 0.0))
                .as("reads of %s for %d supports sent together", collection, 2 * IDEAS).isLessThan(IDEAS);
        }

        List<String> second = Flux.merge(proposed.stream().map(idea -> support(id, idea, other)).toList()).collectList()
            .block(Duration.ofSeconds(60));
        assertThat(second).containsOnly("supported");
        assertThat(commands.take().getOrDefault("insert consultation_participants", 0.0))
            .as("the carer is already recorded as taking part").isZero();

        List<Map<String, Object>> listed = (List<Map<String, Object>>) web.get().uri("/api/v1/consultations/{id}/ideas?limit=50", id)
            .header("Authorization", app.chorus.testing.Tokens.bearer("carer.demo")).exchange().expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody().get("items");
        assertThat(listed).hasSize(IDEAS).allSatisfy(idea -> {
            assertThat(((Number) idea.get("supports")).intValue()).as("each child once").isEqualTo(2);
            assertThat((List<Object>) idea.get("supportedAs")).containsExactlyInAnyOrder(OLIVER, other);
        });
    }

    private Mono<String> support(String consultationId, String ideaId, String as) {
        return Mono.defer(() -> ideas.support(CARER, consultationId, ideaId, as)).thenReturn("supported")
            .onErrorResume(refused -> Mono.just(String.valueOf(refused.getMessage())));
    }
}
