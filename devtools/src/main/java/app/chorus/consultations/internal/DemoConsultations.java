package app.chorus.consultations.internal;

import app.chorus.consultations.DecisionMethod;
import app.chorus.consultations.Phase;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceRole;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * With the demo trust ({@code chorus.demo.seed-consultations}, on with {@code ./chorus up}), seeds consultations in
 * every stage through the real services, as the demo people: so every demo login sees real ones. Runs once, when
 * there are no consultations yet.
 */
@Component
@Order(10)
class DemoConsultations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoConsultations.class);
    private static final CurrentUser TRUST_LEADER = person("leader.trust", "stf-00001", Role.TRUST_LEADER);
    private static final CurrentUser OAKFIELD_HEAD = person("head.oakfield", "stf-00002", Role.SCHOOL_LEADER, Role.STAFF);
    private static final CurrentUser RIVERSIDE_HEAD = person("head.riverside", "stf-00006", Role.SCHOOL_LEADER, Role.STAFF);
    private static final CurrentUser TEACHER = person("teacher.oakfield", "stf-00003", Role.STAFF);
    private static final CurrentUser CARER = person("carer.demo", "car-000001", Role.CARER);
    private static final CurrentUser PUPIL = person("pupil.demo", "pup-000001", Role.PUPIL);

    private final ConsultationManagement consultations;
    private final IdeaManagement ideas;
    private final Deliberation deliberation;
    private final ReactiveMongoTemplate mongo;
    private final boolean enabled;

    DemoConsultations(ConsultationManagement consultations, IdeaManagement ideas, Deliberation deliberation,
                      ReactiveMongoTemplate mongo, @Value("${chorus.demo.seed-consultations:false}") boolean enabled) {
        this.consultations = consultations;
        this.ideas = ideas;
        this.deliberation = deliberation;
        this.mongo = mongo;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || mongo.count(new Query(), Consultation.COLLECTION).blockOptional().orElse(0L) > 0) {
            return;
        }
        log.info("Seeding demo consultations in every phase ...");
        Instant now = Instant.now();
        sportsPremiumInIdeas(now)
            .then(homeworkInDeliberation(now))
            .then(startTimeInDecision(now))
            .then(lunchesWithOutcome(now))
            .then(readingCornersInReview(now))
            .doOnSuccess(done -> log.info("Demo consultations seeded"))
            .block(Duration.ofMinutes(2));
    }

    private Mono<Void> sportsPremiumInIdeas(Instant now) {
        ConsultationDraft draft = draft(null, "How should we spend the sports premium?",
            "The trust has £40,000 of sports premium for next year. What would make the biggest difference?",
            Audience.trust(AudienceRole.CARERS, AudienceRole.STAFF, AudienceRole.PUPILS), advisory("the trust board"),
            List.of(plan(Phase.IDEAS, now.minus(Duration.ofDays(2))), plan(Phase.DELIBERATION, now.plus(Duration.ofDays(12))),
                plan(Phase.DECISION, now.plus(Duration.ofDays(20))), plan(Phase.OUTCOME, now.plus(Duration.ofDays(30)))),
            new Adaptation(true, now, now.plus(Duration.ofDays(25))), 5, null);
        return consultations.create(TRUST_LEADER, draft, "demo-sports-premium").flatMap(view -> {
            String id = view.id();
            return ideas.propose(CARER, id, "pup-000001", new IdeaInput("A climbing wall",
                    "Children could climb at break time, with a trained member of staff.", "equipment"), "demo-idea-1")
                .flatMap(idea -> ideas.support(CARER, id, idea.id(), "pup-000001").thenReturn(idea))
                .then(ideas.propose(TEACHER, id, null, new IdeaInput("Swimming lessons for Year 4",
                    "Many pupils cannot swim 25 metres by the end of primary school.", "lessons"), "demo-idea-2"))
                .then(ideas.propose(PUPIL, id, null, new IdeaInput("More football goals",
                    "There are only two goals for the whole playground.", "equipment"), "demo-idea-3"))
                .then();
        });
    }

    private Mono<Void> homeworkInDeliberation(Instant now) {
        ConsultationDraft draft = draft("sch-001", "Homework at Oakfield", "Should homework change? Tell us what works at home.",
            Audience.schools(Set.of("sch-001"), AudienceRole.CARERS, AudienceRole.STAFF), advisory("Oakfield's governing body"),
            List.of(plan(Phase.IDEAS, now.minus(Duration.ofDays(10))), plan(Phase.DELIBERATION, now.minus(Duration.ofDays(1))),
                plan(Phase.DECISION, now.plus(Duration.ofDays(9)))), null, null, null);
        return consultations.create(OAKFIELD_HEAD, draft, "demo-homework").flatMap(view -> deliberation.comment(CARER, view.id(),
                "pup-000001", new CommentInput(null, null, Comment.Stance.FOR, "Reading together every night works well for us."),
                "demo-comment-1")
            // held for Oakfield's safeguarding lead, so the demo's concerns page has something to act on
            .then(deliberation.comment(CARER, view.id(), "pup-000001", new CommentInput(null, null, Comment.Stance.NEUTRAL,
                "Oliver says he is being bullied on the walk home and does not want to do homework any more."),
                "demo-comment-2"))).then();
    }

    private Mono<Void> startTimeInDecision(Instant now) {
        ConsultationDraft draft = draft("sch-002", "When should Riverside's day start?", "Three start times were proposed; the vote decides.",
            Audience.schools(Set.of("sch-002"), AudienceRole.CARERS, AudienceRole.STAFF), new Decider(true, DecisionMethod.RANKED_CHOICE_IRV, null),
            List.of(plan(Phase.IDEAS, now.minus(Duration.ofDays(20))), plan(Phase.DELIBERATION, now.minus(Duration.ofDays(10))),
                plan(Phase.DECISION, now.minus(Duration.ofDays(1))), plan(Phase.OUTCOME, now.plus(Duration.ofDays(6)))), null, null, null);
        return consultations.create(RIVERSIDE_HEAD, draft, "demo-start-time").then();
    }

    private Mono<Void> lunchesWithOutcome(Instant now) {
        ConsultationDraft draft = draft(null, "Healthier school lunches", "What should change in our school lunches?",
            Audience.trust(AudienceRole.CARERS, AudienceRole.PUPILS), advisory("the trust's catering lead"),
            List.of(plan(Phase.IDEAS, now.minus(Duration.ofDays(60))), plan(Phase.DELIBERATION, now.minus(Duration.ofDays(40))),
                plan(Phase.OUTCOME, now.minus(Duration.ofDays(5))), plan(Phase.REVIEW, now.plus(Duration.ofDays(90)))), null, null, null);
        return consultations.create(TRUST_LEADER, draft, "demo-lunches")
            .flatMap(view -> consultations.publishOutcome(TRUST_LEADER, view.id(), new OutcomeInput(
                "Fruit every day and a vegetarian choice at every school", "Most ideas asked for fresher food and more choice.",
                List.of(), List.of())))
            .flatMap(view -> consultations.putAction(TRUST_LEADER, view.id(), null, new ActionInput("Daily fruit in every school",
                "Catering lead", Action.ActionStatus.IN_PROGRESS, 60,
                List.of(new Milestone("Supplier chosen", now.minus(Duration.ofDays(2)), true),
                    new Milestone("All schools served", now.plus(Duration.ofDays(30)), false)))))
            .then();
    }

    private Mono<Void> readingCornersInReview(Instant now) {
        ConsultationDraft first = draft("sch-001", "Reading corners", "How can we help children read more for pleasure?",
            Audience.schools(Set.of("sch-001"), AudienceRole.CARERS), advisory("Oakfield's head"),
            List.of(plan(Phase.IDEAS, now.minus(Duration.ofDays(200))), plan(Phase.OUTCOME, now.minus(Duration.ofDays(150))),
                plan(Phase.REVIEW, now.minus(Duration.ofDays(3)))), null, null, null);
        return consultations.create(OAKFIELD_HEAD, first, "demo-reading")
            .flatMap(view -> consultations.publishOutcome(OAKFIELD_HEAD, view.id(), new OutcomeInput(
                "A reading corner in every class", "Families asked for quiet places to read.", List.of(), List.of())))
            .flatMap(view -> consultations.putAction(OAKFIELD_HEAD, view.id(), null, new ActionInput("Build the reading corners",
                "Mr Okafor", Action.ActionStatus.DONE, 100, List.of())))
            .flatMap(view -> consultations.create(OAKFIELD_HEAD, draft("sch-001", "Reading corners: one year on",
                "Are the reading corners working? What next?", Audience.schools(Set.of("sch-001"), AudienceRole.CARERS),
                advisory("Oakfield's head"), List.of(plan(Phase.IDEAS, now.plus(Duration.ofDays(3)))), null, null, view.id()),
                "demo-reading-2"))
            .then();
    }

    private static ConsultationDraft draft(String schoolId, String title, String question, Audience audience, Decider decider,
                                           List<PhasePlan> phases, Adaptation adaptation, Integer threshold, String continuesFrom) {
        return new ConsultationDraft(schoolId, "en", Map.of("en", new Text(title, question, "")), decider, audience, null,
            null, false, new ArrayList<>(phases), null, adaptation, threshold, continuesFrom);
    }

    private static Decider advisory(String who) {
        return new Decider(false, null, who);
    }

    private static PhasePlan plan(Phase phase, Instant startsAt) {
        return new PhasePlan(phase, startsAt);
    }

    private static CurrentUser person(String username, String personId, Role... roles) {
        return new CurrentUser("demo-" + username, username, personId, Set.of(roles));
    }
}
