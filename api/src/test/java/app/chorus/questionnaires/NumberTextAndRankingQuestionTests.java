package app.chorus.questionnaires;

import static app.chorus.questionnaires.Refusals.codes;
import static app.chorus.questionnaires.Refusals.single;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NumberTextAndRankingQuestionTests {

    @Test
    void numberStaysWithinRangeWithTwoDecimalsAndAverages() {
        Questionnaire q = single(Question.number("minutes", "Minutes to school", true, 0, 120));
        Tally tally = q.tally(q.validate(Map.of("minutes", 10.25), true)).plus(q.tally(q.validate(Map.of("minutes", 20), true)));
        assertThat(q.results(tally).get(0).mean()).isEqualTo(15.125);
        assertThat(codes(q, Map.of("minutes", 121), true)).containsExactly("out-of-range");
        assertThat(codes(q, Map.of("minutes", 1.234), true)).containsExactly("too-precise");
        assertThat(codes(q, Map.of("minutes", "ten"), true)).containsExactly("wrong-type");
    }

    @Test
    void freeTextIsTrimmedAndLengthLimited() {
        Questionnaire q = single(Question.freeText("ideas", "Any ideas?", false, 10));
        assertThat(q.validate(Map.of("ideas", "  more PE "), true)).containsEntry("ideas", "more PE");
        assertThat(codes(q, Map.of("ideas", "far too long an idea"), true)).containsExactly("too-long");
        assertThat(codes(q, Map.of("ideas", "   "), true)).containsExactly("empty");
        assertThat(codes(q, Map.of("ideas", 42), true)).containsExactly("wrong-type");
    }

    @Test
    void rankingGivesMorePointsToHigherPlaces() {
        Questionnaire q = single(Question.ranking("priorities", "Rank these", true,
            new Option("food", "Food"), new Option("trips", "Trips"), new Option("homework", "Homework")));
        Tally tally = q.tally(q.validate(Map.of("priorities", List.of("trips", "food", "homework")), true))
            .plus(q.tally(q.validate(Map.of("priorities", List.of("food")), true)));
        assertThat(q.results(tally).get(0).rankingPoints())
            .containsExactly(Map.entry("food", 3L), Map.entry("trips", 3L), Map.entry("homework", 1L));
        assertThat(codes(q, Map.of("priorities", List.of("food", "food")), true)).containsExactly("duplicate-option");
        assertThat(codes(q, Map.of("priorities", List.of("pizza")), true)).containsExactly("unknown-option");
    }

    @Test
    void answersToUnknownQuestionsAreRefusedAndDraftsMaySkipRequiredOnes() {
        Questionnaire q = single(Question.number("minutes", "Minutes to school", true, 0, 120));
        assertThat(codes(q, Map.of("favourite-colour", "blue"), false)).containsExactly("unknown-question");
        assertThat(q.validate(Map.of(), false)).isEmpty();
    }
}
