package app.chorus.questionnaires;

import static app.chorus.questionnaires.Refusals.codes;
import static app.chorus.questionnaires.Refusals.single;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChoiceQuestionTests {

    static final Option WALK = new Option("walk", "Walk");
    static final Option BUS = new Option("bus", "Bus");
    static final Option CAR = new Option("car", "Car");

    @Test
    void singleChoiceAcceptsOneKnownOptionAndCountsIt() {
        Questionnaire q = single(Question.singleChoice("travel", "How does your child get to school?", true, WALK, BUS, CAR));
        Map<String, Object> valid = q.validate(Map.of("travel", "bus"), true);
        assertThat(q.results(q.tally(valid)).get(0).counts()).containsExactly(
            Map.entry("walk", 0L), Map.entry("bus", 1L), Map.entry("car", 0L));
    }

    @Test
    void singleChoiceRefusesUnknownOptionsAndWrongTypes() {
        Questionnaire q = single(Question.singleChoice("travel", "How?", true, WALK, BUS));
        assertThat(codes(q, Map.of("travel", "plane"), true)).containsExactly("unknown-option");
        assertThat(codes(q, Map.of("travel", List.of("bus")), true)).containsExactly("wrong-type");
        assertThat(codes(q, Map.of(), true)).containsExactly("required");
    }

    @Test
    void multipleChoiceKeepsPicksBetweenMinAndMax() {
        Questionnaire q = single(Question.multipleChoice("clubs", "Which clubs?", false, 1, 2, WALK, BUS, CAR));
        assertThat(q.validate(Map.of("clubs", List.of("walk", "car")), true)).containsEntry("clubs", List.of("walk", "car"));
        assertThat(codes(q, Map.of("clubs", List.of("walk", "bus", "car")), true)).containsExactly("too-many-picks");
        assertThat(codes(q, Map.of("clubs", List.of()), true)).containsExactly("too-few-picks");
        assertThat(codes(q, Map.of("clubs", List.of("walk", "walk")), true)).containsExactly("duplicate-option");
        assertThat(codes(q, Map.of("clubs", "walk"), true)).containsExactly("wrong-type");
    }

    @Test
    void multipleChoiceCountsEveryPick() {
        Questionnaire q = single(Question.multipleChoice("clubs", "Which clubs?", false, 1, 3, WALK, BUS, CAR));
        Tally tally = q.tally(q.validate(Map.of("clubs", List.of("walk", "car")), true))
            .plus(q.tally(q.validate(Map.of("clubs", List.of("car")), true)));
        assertThat(tally.respondents()).isEqualTo(2);
        assertThat(q.results(tally).get(0).counts()).containsEntry("car", 2L).containsEntry("walk", 1L).containsEntry("bus", 0L);
    }
}
