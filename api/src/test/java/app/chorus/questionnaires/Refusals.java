package app.chorus.questionnaires;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.chorus.shared.Problem;
import java.util.List;
import java.util.Map;

/** Runs a validation expected to fail and returns the error codes it gave. */
final class Refusals {

    private Refusals() {
    }

    static List<String> codes(Questionnaire questionnaire, Map<String, ?> answers, boolean complete) {
        Problem problem = catchThrowableOfType(Problem.class, () -> questionnaire.validate(answers, complete));
        assertThat(problem).as("answers should be refused").isNotNull();
        assertThat(problem.status()).isEqualTo(400);
        @SuppressWarnings("unchecked")
        List<AnswerError> errors = (List<AnswerError>) problem.properties().get("errors");
        return errors.stream().map(AnswerError::code).toList();
    }

    static Questionnaire single(Question question) {
        return Questionnaire.of(Section.of("s1", "Section", question)).requireWellFormed();
    }
}
