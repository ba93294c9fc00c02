package app.chorus.opinions;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.identity.CurrentUser;
import app.chorus.testing.ApiTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.test.StepVerifier;

/** A participant watching the map's stream sees it now, then again once their vote has been folded in. */
@ApiTest
class MapStreamFollowsVotesTests {

    @Autowired
    ApplicationContext context;

    @Test
    void theStreamSendsTheMapThenTheUpdateAfterAVote() {
        var scenario = OpinionScenario.of(context);
        String conversation = scenario.open("Lunch menu", false);
        String statement = scenario.seed(conversation, "Pizza on Fridays");
        CurrentUser pupil = OpinionScenario.pupil(70);
        var events = scenario.as(pupil).get().uri(OpinionScenario.BASE + "/{id}/map/stream", conversation)
            .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
            .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { }).getResponseBody();

        StepVerifier.create(events.filter(event -> event.data() != null)) // not the keep-alive comments
            .assertNext(first -> {
                assertThat(first.event()).isEqualTo("map");
                scenario.vote(pupil, conversation, statement, "AGREE").expectStatus().isOk();
            })
            .thenConsumeWhile(event -> ((Number) ((Map<?, ?>) event.data().get("you")).get("votes")).intValue() == 0)
            .expectNextMatches(event -> ((Number) ((Map<?, ?>) event.data().get("you")).get("votes")).intValue() == 1)
            .thenCancel()
            .verify(Duration.ofSeconds(30));
    }
}
