package app.chorus.devtools.demo;

import static app.chorus.devtools.demo.DemoPeople.CARER;
import static app.chorus.devtools.demo.DemoPeople.LEADER;
import static app.chorus.devtools.demo.DemoPeople.OAKFIELD;
import static app.chorus.devtools.demo.DemoPeople.OAKFIELD_HEAD;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceRole;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import app.chorus.questionnaires.Option;
import app.chorus.questionnaires.Question;
import app.chorus.questionnaires.Questionnaire;
import app.chorus.questionnaires.Section;
import app.chorus.surveys.Anonymity;
import app.chorus.surveys.internal.ResponseUnit;
import app.chorus.surveys.internal.Survey;
import app.chorus.surveys.internal.SurveyDraft;
import app.chorus.surveys.internal.SurveyManagement;
import app.chorus.surveys.internal.SurveyResponding;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A closed trust-wide parent survey with its results, an open Oakfield one that carer.demo has still to answer, an open
 * staff survey and an open one for Oakfield's pupils: each answered by enough people that results show (groups under 5
 * stay hidden).
 */
@Component
class DemoSurveys {

    private final SurveyManagement surveys;
    private final SurveyResponding responding;
    private final DemoPeople people;

    DemoSurveys(SurveyManagement surveys, SurveyResponding responding, DemoPeople people) {
        this.surveys = surveys;
        this.responding = responding;
        this.people = people;
    }

    Mono<Void> seed() {
        Random random = new Random(2026);
        return opened(LEADER, "demo-autumn-survey", new SurveyDraft("Parent survey: autumn term",
                "How was the autumn term for your child?", Audience.trust(AudienceRole.CARERS), Anonymity.ANONYMOUS, false,
                null, null, parents()))
            .flatMap(autumn -> people.families(40)
                .flatMap(families -> Flux.fromIterable(families).concatMap(family ->
                    answer(family.carer(), autumn, family.pupilId(), parentAnswers(random))).then())
                .then(answer(CARER, autumn, "pup-000001", parentAnswers(random)))
                .then(surveys.close(LEADER, autumn.id())))
            .then(opened(OAKFIELD_HEAD, "demo-clubs-survey", new SurveyDraft("After-school clubs at Oakfield",
                    "Which clubs should we run next term?", Audience.schools(Set.of(OAKFIELD), AudienceRole.CARERS),
                    Anonymity.ANONYMOUS, false, null, null, clubs())))
            .flatMap(clubs -> people.families(12, OAKFIELD).flatMap(families -> Flux.fromIterable(families)
                .concatMap(family -> answer(family.carer(), clubs, family.pupilId(), clubAnswers(random))).then()))
            .then(opened(LEADER, "demo-staff-survey", new SurveyDraft("Staff wellbeing", "How are you finding the workload?",
                    Audience.trust(AudienceRole.STAFF), Anonymity.ANONYMOUS, false, null, null, staff())))
            .flatMap(staff -> people.others(Audience.trust(AudienceRole.STAFF), Role.STAFF, 12)
                .flatMap(others -> Flux.fromIterable(others)
                    .concatMap(person -> answer(person, staff, ResponseUnit.SELF, staffAnswers(random))).then()))
            .then(opened(OAKFIELD_HEAD, "demo-playground-survey", new SurveyDraft("Our playground", "What would make break time better?",
                    Audience.schools(Set.of(OAKFIELD), AudienceRole.PUPILS), Anonymity.ANONYMOUS, false, null, null, playground())))
            .flatMap(playground -> people.others(Audience.schools(Set.of(OAKFIELD), AudienceRole.PUPILS), Role.PUPIL, 10)
                .flatMap(pupils -> Flux.fromIterable(pupils)
                    .concatMap(pupil -> answer(pupil, playground, ResponseUnit.SELF, playgroundAnswers(random))).then()))
            .then();
    }

    private Mono<Survey> opened(CurrentUser author, String key, SurveyDraft draft) {
        return surveys.create(author, draft, key).flatMap(survey -> surveys.open(author, survey.id()));
    }

    private Mono<Void> answer(CurrentUser who, Survey survey, String unit, Map<String, ?> answers) {
        return responding.submit(who.personId(), survey.id(), unit, answers, "demo-" + survey.id() + "-" + who.personId() + "-" + unit)
            .then();
    }

    private static Questionnaire parents() {
        return Questionnaire.of(Section.of("term", "The autumn term",
            Question.likert("happy", "My child is happy at this school", true),
            Question.likert("safe", "My child feels safe at this school", true),
            Question.likert("informed", "The school keeps me well informed", true),
            Question.singleChoice("travel", "How does your child usually travel to school?", true,
                new Option("walk", "Walk"), new Option("car", "Car"), new Option("bus", "Bus"), new Option("bike", "Bike"))));
    }

    private static Map<String, Object> parentAnswers(Random random) {
        return Map.of("happy", 3 + random.nextInt(3), "safe", 3 + random.nextInt(3), "informed", 2 + random.nextInt(4),
            "travel", List.of("walk", "walk", "car", "bus", "bike").get(random.nextInt(5)));
    }

    private static Questionnaire clubs() {
        return Questionnaire.of(Section.of("clubs", "Clubs",
            Question.multipleChoice("clubs", "Which clubs would your child join?", true, 1, 3,
                new Option("art", "Art"), new Option("chess", "Chess"), new Option("football", "Football"),
                new Option("music", "Music"), new Option("coding", "Coding")),
            Question.rating("value", "How much would a club help your family?", true, false)));
    }

    private static Map<String, Object> clubAnswers(Random random) {
        List<List<String>> picks = List.of(List.of("football"), List.of("art", "music"), List.of("coding", "chess"),
            List.of("football", "coding"));
        return Map.of("clubs", picks.get(random.nextInt(picks.size())), "value", 5 + random.nextInt(6));
    }

    private static Questionnaire playground() {
        return Questionnaire.of(Section.of("break", "Break time",
            Question.likert("enjoy", "I enjoy break time", true),
            Question.singleChoice("wish", "What would you add to the playground?", true,
                new Option("shade", "More shade"), new Option("games", "Playground games"), new Option("quiet", "A quiet corner"))));
    }

    private static Map<String, Object> playgroundAnswers(Random random) {
        return Map.of("enjoy", 2 + random.nextInt(4), "wish", List.of("shade", "games", "games", "quiet").get(random.nextInt(4)));
    }

    private static Questionnaire staff() {
        return Questionnaire.of(Section.of("workload", "Workload",
            Question.likert("manageable", "My workload is manageable", true),
            Question.likert("supported", "I feel supported by my leaders", true)));
    }

    private static Map<String, Object> staffAnswers(Random random) {
        return Map.of("manageable", 2 + random.nextInt(3), "supported", 3 + random.nextInt(3));
    }
}
