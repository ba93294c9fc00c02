package app.chorus.questionnaires;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.chorus.shared.Problem;
import org.junit.jupiter.api.Test;

class QuestionnaireRevisionTests {

    final Questionnaire answered = Questionnaire.of(Section.of("s", "S",
        Question.singleChoice("lunch", "Do you like lunches?", true, new Option("yes", "Yes"), new Option("no", "No"))));

    @Test
    void fixingATypoAndAddingAnOptionAtTheEndKeepTheMeaning() {
        Questionnaire revised = Questionnaire.of(Section.of("s", "S",
            Question.singleChoice("lunch", "Do you like school lunches?", true,
                new Option("yes", "Yes"), new Option("no", "No"), new Option("sometimes", "Sometimes")),
            Question.freeText("why", "Why?", false, 200)));
        assertThatCode(() -> answered.requireSameMeaning(revised)).doesNotThrowAnyException();
    }

    @Test
    void changingTheTypeOrRemovingAnAnsweredOptionNeedsANewVersion() {
        Questionnaire removedOption = Questionnaire.of(Section.of("s", "S",
            Question.singleChoice("lunch", "Do you like lunches?", true, new Option("yes", "Yes"), new Option("maybe", "Maybe"))));
        Questionnaire changedType = Questionnaire.of(Section.of("s", "S", Question.likert("lunch", "I like lunches", true)));
        assertThat(conflict(removedOption)).isEqualTo(409);
        assertThat(conflict(changedType)).isEqualTo(409);
    }

    private int conflict(Questionnaire revised) {
        return catchThrowableOfType(Problem.class, () -> answered.requireSameMeaning(revised)).status();
    }
}
