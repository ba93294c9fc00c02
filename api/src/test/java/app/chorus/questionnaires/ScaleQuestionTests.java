package app.chorus.questionnaires;

import static app.chorus.questionnaires.Refusals.codes;
import static app.chorus.questionnaires.Refusals.single;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScaleQuestionTests {

    @Test
    void likertTakesOneToFiveAndReportsTheMean() {
        Questionnaire q = single(Question.likert("safe", "My child feels safe at school", true));
        Tally tally = Tally.sum(List.of(5, 4, 4, 1).stream().map(v -> q.tally(q.validate(Map.of("safe", v), true))));
        QuestionResult result = q.results(tally).get(0);
        assertThat(result.counts()).containsEntry("4", 2L).containsEntry("5", 1L).containsEntry("1", 1L);
        assertThat(result.mean()).isEqualTo(3.5);
        assertThat(codes(q, Map.of("safe", 6), true)).containsExactly("out-of-range");
        assertThat(codes(q, Map.of("safe", 2.5), true)).containsExactly("wrong-type");
        assertThat(codes(q, Map.of("safe", "4"), true)).containsExactly("wrong-type");
    }

    @Test
    void ratingTakesZeroToTenAndReportsNetPromoterScore() {
        Questionnaire q = single(Question.rating("recommend", "Would you recommend the school?", true, true));
        Tally tally = Tally.sum(List.of(10, 9, 8, 3).stream().map(v -> q.tally(q.validate(Map.of("recommend", v), true))));
        QuestionResult result = q.results(tally).get(0);
        assertThat(result.nps()).isEqualTo(25.0);
        assertThat(result.mean()).isEqualTo(7.5);
        assertThat(codes(q, Map.of("recommend", -1), true)).containsExactly("out-of-range");
        assertThat(codes(q, Map.of("recommend", 11), true)).containsExactly("out-of-range");
    }

    @Test
    void likertNeedsFiveLabelledPoints() {
        Question threePoints = new Question("safe", QuestionType.LIKERT, "Safe?", true,
            List.of(new Option("1", "No"), new Option("2", "Maybe"), new Option("3", "Yes")), null, null, null, null, null, null, null);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> single(threePoints)))
            .hasMessageContaining("mistakes");
    }
}
