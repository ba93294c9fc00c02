package app.chorus.surveys;

import static app.chorus.surveys.SurveyFixtures.walkingAnswers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceResolver;
import app.chorus.directory.AudienceRole;
import app.chorus.directory.DirectoryQueries;
import app.chorus.shared.Problem;
import app.chorus.surveys.internal.SurveyDraft;
import app.chorus.surveys.internal.SurveyResponding;
import app.chorus.testing.ApiTest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
class SecondCarerOfAChildTests {

    @Autowired
    WebTestClient web;
    @Autowired
    SurveyResponding responding;
    @Autowired
    AudienceResolver audiences;
    @Autowired
    DirectoryQueries directory;

    @Test
    void oneAnswerPerChildUnlessTheSurveyAsksEveryCarer() {
        List<String> oliversCarers = new Respondents(audiences, directory).carerChildPairs().stream()
            .filter(pair -> pair.pupilId().equals("pup-000001")).map(Respondents.ChildUnit::carerId).toList();
        assertThat(oliversCarers).hasSize(2).contains("car-000001");
        String otherCarer = oliversCarers.stream().filter(id -> !id.equals("car-000001")).findFirst().orElseThrow();
        SurveyFixtures surveys = new SurveyFixtures(web);

        String perChild = SchoolSurveyScenario.open(surveys, "Per child", Anonymity.NAMED);
        surveys.submit("carer.demo", perChild, "pup-000001", walkingAnswers()).expectStatus().isCreated();
        Problem second = catchThrowableOfType(Problem.class,
            () -> responding.submit(otherCarer, perChild, "pup-000001", walkingAnswers(), "other-carer").block());
        assertThat(second.kind()).isEqualTo("already-answered");

        SurveyDraft everyCarer = new SurveyDraft("Every carer", null, Audience.schools(Set.of("sch-001"), AudienceRole.CARERS),
            Anonymity.NAMED, true, null, null, SurveyFixtures.parentQuestionnaire());
        String eachCarer = surveys.opened("head.oakfield", everyCarer);
        surveys.submit("carer.demo", eachCarer, "pup-000001", walkingAnswers()).expectStatus().isCreated();
        assertThat(responding.submit(otherCarer, eachCarer, "pup-000001", walkingAnswers(), "other-carer").block()).isNotNull();
        surveys.results("head.oakfield", eachCarer, null).jsonPath("$.respondents").isEqualTo(2);
    }
}
