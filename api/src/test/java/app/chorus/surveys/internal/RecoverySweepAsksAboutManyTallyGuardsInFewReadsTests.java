package app.chorus.surveys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.directory.AudienceRole;
import app.chorus.testing.ApiTest;
import app.chorus.testing.StoreCommands;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every instance sweeps every 15 s, so the sweep asks whether the guards of its tally cells are still pending in one
 * read per hundred cells (ADR 0413), not one per guard; what it releases is unchanged: only guards of finished
 * submissions, never one whose submission is still under way.
 */
@ApiTest
class RecoverySweepAsksAboutManyTallyGuardsInFewReadsTests {

    private static final int CELLS = 150;

    @Autowired
    SurveyStore surveys;
    @Autowired
    Participations participations;
    @Autowired
    Tallies tallies;
    @Autowired
    SubmissionRecovery recovery;
    @Autowired
    MeterRegistry meters;

    @Test
    void guardsOfOneHundredAndFiftyCellsAreCheckedInAFewReadsAndOnlyFinishedOnesAreReleased() {
        Survey survey = AnonymousCarerSurveys.opened(surveys, "Sweep survey");
        Set<String> underWay = new HashSet<>();
        for (int i = 0; i < CELLS; i++) {
            String responseId = UUID.randomUUID().toString();
            Cell cell = new Cell("sch-001", "Y" + i, AudienceRole.CARERS);
            tallies.apply(survey.id(), cell, responseId, survey.questionnaire().tally(Map.of("happy", 4))).block();
            if (i % 2 == 0) {
                participations.insertPending(survey.id() + ":unit-" + i, survey.id(), responseId, null, null, Instant.now()).block();
                underWay.add(responseId);
            }
        }

        StoreCommands commands = new StoreCommands(meters);
        Instant now = Instant.now();
        recovery.sweep(now).block();
        assertThat(commands.take().getOrDefault("find survey_participation", 0.0))
            .as("reads of submission marks in one sweep over %d cells with guards", CELLS).isLessThan(10.0);

        recovery.sweep(now.plus(SubmissionRecovery.GUARD_FOUND_FOR)).block();
        List<Document> guarded = tallies.withPending().filter(cell -> survey.id().equals(cell.getString("surveyId")))
            .collectList().block();
        assertThat(guarded).as("cells still guarded").hasSize(underWay.size())
            .allSatisfy(cell -> assertThat(underWay).containsAll(Tallies.guardsOf(cell)));
    }
}
