package app.chorus.surveys;

import static app.chorus.surveys.SurveyFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceResolver;
import app.chorus.directory.AudienceRole;
import app.chorus.directory.DirectoryQueries;
import app.chorus.questionnaires.Tally;
import app.chorus.shared.Problem;
import app.chorus.surveys.internal.SurveyResponding;
import app.chorus.surveys.internal.SurveyStore;
import app.chorus.surveys.internal.Tallies;
import app.chorus.testing.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@ApiTest
class TalliesEqualRecomputationTests {

    @Autowired
    WebTestClient web;
    @Autowired
    SurveyResponding responding;
    @Autowired
    SurveyStore surveys;
    @Autowired
    Tallies tallies;
    @Autowired
    AudienceResolver audiences;
    @Autowired
    DirectoryQueries directory;

    @Test
    void concurrentSubmissionsRetriesAndSecondCarersLeaveTalliesEqualToAFullRecount() {
        String id = new SurveyFixtures(web).opened("leader.trust", draft("Concurrent survey", Audience.trust(AudienceRole.CARERS), Anonymity.ANONYMOUS));
        List<Respondents.ChildUnit> pairs = new Respondents(audiences, directory).carerChildPairs();
        long children = pairs.stream().map(Respondents.ChildUnit::pupilId).distinct().count();
        List<Attempt> attempts = new ArrayList<>();
        Random random = new Random(7);
        for (Respondents.ChildUnit pair : pairs) {
            Attempt attempt = new Attempt(pair, answers(random), "key-" + pair.carerId() + "-" + pair.pupilId());
            attempts.add(attempt);
            if (random.nextInt(4) == 0) {
                attempts.add(attempt);
            }
        }
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger replayed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        Flux.fromIterable(attempts)
            .flatMap(attempt -> responding.submit(attempt.unit().carerId(), id, attempt.unit().pupilId(), attempt.answers(), attempt.key())
                .doOnNext(receipt -> (receipt.replayed() ? replayed : accepted).incrementAndGet())
                .onErrorResume(Problem.class, problem -> {
                    assertThat(problem.kind()).isIn("already-answered", "submission-in-progress");
                    refused.incrementAndGet();
                    return Mono.empty();
                }), 16)
            .blockLast();

        assertThat(accepted.get()).as("one answer per child, however many carers try").isEqualTo((int) children);
        assertThat(accepted.get() + replayed.get() + refused.get()).isEqualTo(attempts.size());
        var survey = surveys.require(id).block();
        assertThat(tallies.matchRecomputation(id, survey.questionnaire()).block()).isTrue();
        Tally stored = Tally.sum(tallies.cells(id).map(Tallies.CellTally::tally).toStream());
        assertThat(stored.respondents()).isEqualTo(children);
    }

    record Attempt(Respondents.ChildUnit unit, Map<String, Object> answers, String key) {
    }

    private static Map<String, Object> answers(Random random) {
        String travel = List.of("bus", "walk", "car").get(random.nextInt(3));
        Map<String, Object> answers = new java.util.HashMap<>(Map.of("happy", 1 + random.nextInt(5), "travel", travel,
            "minutes", random.nextInt(12000) / 100.0, "recommend", random.nextInt(11),
            "priorities", random.nextBoolean() ? List.of("food", "trips") : List.of("homework", "food", "trips")));
        if (travel.equals("bus")) {
            answers.put("bus-safe", random.nextInt(11));
        }
        if (random.nextBoolean()) {
            answers.put("clubs", random.nextBoolean() ? List.of("chess") : List.of("art", "football"));
        }
        return answers;
    }
}
