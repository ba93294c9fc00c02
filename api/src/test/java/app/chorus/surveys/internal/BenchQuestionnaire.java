package app.chorus.surveys.internal;

import app.chorus.questionnaires.Option;
import app.chorus.questionnaires.Question;
import app.chorus.questionnaires.Questionnaire;
import app.chorus.questionnaires.Section;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** The benchmark's ten-question parent survey and random valid answers to it. */
final class BenchQuestionnaire {

    private BenchQuestionnaire() {
    }

    static Questionnaire tenQuestions() {
        return Questionnaire.of(
            Section.of("wellbeing", "Your child's wellbeing",
                Question.likert("happy", "My child is happy at this school", true),
                Question.likert("safe", "My child feels safe at this school", true),
                Question.likert("listened", "The school listens to my concerns", true)),
            Section.of("travel", "Getting to school",
                Question.singleChoice("travel", "How does your child usually travel?", true,
                    new Option("bus", "Bus"), new Option("walk", "Walk"), new Option("car", "Car"), new Option("bike", "Bike")),
                Question.rating("bus-safe", "How safe does the bus feel?", true, false).shownWhen("travel", "bus"),
                Question.number("minutes", "Minutes to get to school", false, 0, 180)),
            Section.of("more", "A little more",
                Question.multipleChoice("clubs", "Which clubs would your child join?", false, 1, 3,
                    new Option("art", "Art"), new Option("chess", "Chess"), new Option("football", "Football"),
                    new Option("music", "Music"), new Option("coding", "Coding")),
                Question.ranking("priorities", "Rank what matters most", false,
                    new Option("food", "Food"), new Option("trips", "Trips"), new Option("homework", "Homework"), new Option("sport", "Sport")),
                Question.rating("recommend", "How likely are you to recommend the school?", true, true),
                Question.freeText("ideas", "One thing we could do better", false, 1000)));
    }

    static Map<String, Object> randomAnswers() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Map<String, Object> answers = new HashMap<>();
        answers.put("happy", 1 + random.nextInt(5));
        answers.put("safe", 1 + random.nextInt(5));
        answers.put("listened", 1 + random.nextInt(5));
        String travel = List.of("bus", "walk", "car", "bike").get(random.nextInt(4));
        answers.put("travel", travel);
        if (travel.equals("bus")) {
            answers.put("bus-safe", random.nextInt(11));
        }
        if (random.nextInt(3) > 0) {
            answers.put("minutes", random.nextInt(9000) / 100.0);
        }
        if (random.nextBoolean()) {
            answers.put("clubs", random.nextBoolean() ? List.of("chess") : List.of("art", "music", "coding"));
        }
        if (random.nextBoolean()) {
            answers.put("priorities", random.nextBoolean() ? List.of("trips", "food") : List.of("sport", "homework", "food", "trips"));
        }
        answers.put("recommend", random.nextInt(11));
        if (random.nextInt(10) < 3) {
            answers.put("ideas", "More clubs after school, please, and \"quieter\" lunches " + random.nextInt(1000));
        }
        return answers;
    }
}
