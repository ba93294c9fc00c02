package app.chorus.surveys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.directory.AudienceRole;
import app.chorus.questionnaires.Tally;
import app.chorus.testing.ApiTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;

/** Answers for the same cell arriving together share tally writes (ADR 0059); a repeated one still counts once. */
@ApiTest
class AnswersArrivingTogetherInOneCellAreCountedOnceTests {

    @Autowired
    Tallies tallies;

    @Test
    void fiftySimultaneousAnswersAndTheirRetriesCountFiftyTimes() {
        String surveyId = "srv-together-" + UUID.randomUUID();
        Cell cell = new Cell("sch-001", "R", AudienceRole.CARERS);
        Tally oneAnswer = new Tally(Map.of("n", 1L, "q.happy.n", 1L, "q.happy.v.5", 1L));
        List<String> responseIds = IntStream.range(0, 50).mapToObj(i -> UUID.randomUUID().toString()).toList();

        Flux.fromIterable(responseIds).flatMap(id -> tallies.apply(surveyId, cell, id, oneAnswer), 50).blockLast();
        Flux.fromIterable(responseIds.subList(0, 10)).flatMap(id -> tallies.apply(surveyId, cell, id, oneAnswer), 10)
            .blockLast();

        Tally counted = tallies.cells(surveyId).single().block().tally();
        assertThat(counted.respondents()).isEqualTo(50);
        assertThat(counted.get("q.happy.v.5")).isEqualTo(50);
    }
}
