package app.chorus.surveys;

import static app.chorus.surveys.SurveyFixtures.draft;
import static app.chorus.surveys.SurveyFixtures.walkingAnswers;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceResolver;
import app.chorus.directory.AudienceRole;
import app.chorus.directory.DirectoryQueries;
import app.chorus.surveys.internal.SurveyResponding;
import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The whole survey is a group too: two confidential answers are not shown to the leader who asked. */
@ApiTest
class ConfidentialSurveyOfFewerThanFiveShowsNothingTests {

    @Autowired
    WebTestClient web;
    @Autowired
    SurveyResponding responding;
    @Autowired
    AudienceResolver audiences;
    @Autowired
    DirectoryQueries directory;

    @Test
    void twoAnswersShowNoFigureUntilTheFifth() {
        String id = new SurveyFixtures(web).opened("leader.trust",
            draft("Confidential wellbeing", Audience.trust(AudienceRole.CARERS), Anonymity.CONFIDENTIAL));
        List<Respondents.ChildUnit> carers = new Respondents(audiences, directory).oneCarerPerChild();
        answer(id, carers.subList(0, 2));

        Map<?, ?> results = results(id);
        assertThat(results.get("suppressed")).isEqualTo(true);
        assertThat(results.get("respondents")).isNull();
        assertThat(results.get("overall")).isNull();
        @SuppressWarnings("unchecked")
        List<Map<?, ?>> groups = (List<Map<?, ?>>) ((Map<?, ?>) results.get("breakdown")).get("groups");
        assertThat(groups).isNotEmpty().allSatisfy(group -> assertThat(group.get("suppressed")).isEqualTo(true));
        assertThat(export(id).split("\r\n")).as("only the header: no row of two people's answers").hasSize(1);

        answer(id, carers.subList(2, 5));
        Map<?, ?> enough = results(id);
        assertThat(enough.get("suppressed")).isEqualTo(false);
        assertThat(enough.get("respondents")).isEqualTo(5);
        assertThat(export(id).split("\r\n")).hasSize(6);
    }

    private void answer(String id, List<Respondents.ChildUnit> units) {
        units.forEach(unit -> responding.submit(unit.carerId(), id, unit.pupilId(), walkingAnswers(),
            UUID.randomUUID().toString()).block());
    }

    private Map<?, ?> results(String id) {
        return new SurveyFixtures(web).resultsMap("leader.trust", id, "school");
    }

    private String export(String id) {
        return new SurveyFixtures(web).exportCsv("leader.trust", id);
    }
}
