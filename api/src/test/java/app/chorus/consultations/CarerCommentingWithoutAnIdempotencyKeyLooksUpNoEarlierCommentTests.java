package app.chorus.consultations;

import static app.chorus.consultations.ConsultationFixtures.OLIVER;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import app.chorus.testing.StoreCommands;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A comment sent without an Idempotency-Key gets a fresh id, so no earlier request can have stored it: it is written
 * without first looking for a comment with that id (one with a key still answers a retry with the stored comment).
 */
@ApiTest
class CarerCommentingWithoutAnIdempotencyKeyLooksUpNoEarlierCommentTests {

    @Autowired
    WebTestClient web;
    @Autowired
    MeterRegistry meters;

    @Test
    void aCommentWithoutAKeyIsWrittenWithoutAReadOfComments() {
        ConsultationFixtures consultations = new ConsultationFixtures(web);
        String id = consultations.trustCarersInIdeas("Homework clubs");
        String idea = consultations.proposed("carer.demo", id, OLIVER, "A club on Thursdays");
        StoreCommands commands = new StoreCommands(meters);

        consultations.comment("carer.demo", id, OLIVER, Map.of("ideaId", idea, "stance", "FOR", "body", "We would come."))
            .expectStatus().isCreated();

        Map<String, Double> sent = commands.take();
        assertThat(sent.getOrDefault("insert consultation_comments", 0.0)).as("the comment is stored").isEqualTo(1.0);
        assertThat(sent.getOrDefault("find consultation_comments", 0.0)).as("no lookup of an earlier comment").isZero();
    }
}
