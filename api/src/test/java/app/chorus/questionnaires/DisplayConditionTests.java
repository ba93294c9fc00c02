package app.chorus.questionnaires;

import static app.chorus.questionnaires.Refusals.codes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DisplayConditionTests {

    final Questionnaire questionnaire = Questionnaire.of(Section.of("travel", "Travel",
        Question.singleChoice("mode", "How does your child travel?", true, new Option("bus", "Bus"), new Option("walk", "Walk")),
        Question.likert("bus-safe", "The bus feels safe", true).shownWhen("mode", "bus"))).requireWellFormed();

    @Test
    void aFollowUpIsShownOnlyWhenTheEarlierAnswerMatches() {
        assertThat(questionnaire.visibleQuestions(Map.of("mode", "bus"))).containsExactly("mode", "bus-safe");
        assertThat(questionnaire.visibleQuestions(Map.of("mode", "walk"))).containsExactly("mode");
    }

    @Test
    void aHiddenQuestionCannotBeAnsweredAndIsNotRequired() {
        assertThat(codes(questionnaire, Map.of("mode", "walk", "bus-safe", 4), true)).containsExactly("hidden-question");
        assertThat(questionnaire.validate(Map.of("mode", "walk"), true)).containsOnlyKeys("mode");
        assertThat(codes(questionnaire, Map.of("mode", "bus"), true)).containsExactly("required");
    }

    @Test
    void aConditionMustReferToAnEarlierQuestion() {
        Questionnaire backwards = Questionnaire.of(Section.of("s", "S",
            Question.likert("a", "A", true).shownWhen("b", "1"), Question.likert("b", "B", true)));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(backwards::requireWellFormed)).hasMessageContaining("mistakes");
    }
}
