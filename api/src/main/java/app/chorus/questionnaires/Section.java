package app.chorus.questionnaires;

import java.util.List;

/** A titled group of questions, shown in order. */
public record Section(String id, String title, List<Question> questions) {

    public Section {
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    public static Section of(String id, String title, Question... questions) {
        return new Section(id, title, List.of(questions));
    }
}
