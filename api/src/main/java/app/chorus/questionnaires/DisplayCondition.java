package app.chorus.questionnaires;

import java.util.List;

/**
 * Show a question only when an earlier question was answered with one of {@code anyOf}: option ids for choice
 * and ranking questions (ranking: the first choice), the value as text for Likert, rating and number.
 */
public record DisplayCondition(String questionId, List<String> anyOf) {

    public DisplayCondition {
        anyOf = anyOf == null ? List.of() : List.copyOf(anyOf);
    }
}
