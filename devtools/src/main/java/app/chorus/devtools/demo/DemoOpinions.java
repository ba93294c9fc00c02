package app.chorus.devtools.demo;

import static app.chorus.devtools.demo.DemoPeople.CARER;
import static app.chorus.devtools.demo.DemoPeople.LEADER;
import static app.chorus.devtools.demo.DemoPeople.OAKFIELD;
import static app.chorus.devtools.demo.DemoPeople.PUPIL;
import static app.chorus.devtools.demo.DemoPeople.TEACHER;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceRole;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import app.chorus.opinions.ConversationDraft;
import app.chorus.opinions.internal.OpinionManagement;
import app.chorus.opinions.internal.VoteChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A trust-wide conversation about the school day, with statements seeded by the trust leader and the votes of
 * carers, staff and pupils in two camps (a longer day with more clubs, or the day as it is with more homework help), so
 * the opinion map shows two groups and the statements that divide them.
 */
@Component
class DemoOpinions {

    /** The first three statements speak for a longer day, the next three for the day as it is; the last two are shared. */
    private static final List<String> STATEMENTS = List.of(
        "School should finish at 4pm so that every child can join a club.",
        "Breakfast club should be free for every family.",
        "Clubs matter as much as lessons.",
        "The school day is long enough already.",
        "Homework club after school would help more than new clubs.",
        "Children need time at home with their families after school.",
        "The school should ask families before changing the day.",
        "Pupils should have a say in which clubs run.");

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoOpinions.class);

    private final OpinionManagement opinions;
    private final DemoPeople people;

    DemoOpinions(OpinionManagement opinions, DemoPeople people) {
        this.opinions = opinions;
        this.people = people;
    }

    Mono<Void> seed() {
        Audience audience = Audience.trust(AudienceRole.CARERS, AudienceRole.STAFF, AudienceRole.PUPILS);
        return opinions.open(LEADER, new ConversationDraft("How should we shape the school day?", null, null, audience, null))
            .doOnNext(conversation -> log.info("Demo opinion map: /api/v1/opinions/conversations/{}/map", conversation))
            .flatMap(conversation -> Flux.fromIterable(STATEMENTS).index()
                .concatMap(statement -> opinions.write(LEADER, conversation, statement.getT2(), "demo-statement-" + statement.getT1())
                    .map(OpinionManagement.StatementView::id))
                .collectList()
                .flatMap(statements -> voters().flatMap(voters -> Flux.range(0, voters.size())
                    .concatMap(i -> votes(conversation, statements, voters.get(i), i % 2 == 0)).then())));
    }

    /** Carers from every school, staff and Oakfield's pupils, with the demo logins among them. */
    private Mono<List<CurrentUser>> voters() {
        return people.families(30).zipWith(people.others(Audience.trust(AudienceRole.STAFF), Role.STAFF, 8))
            .zipWith(people.others(Audience.schools(Set.of(OAKFIELD), AudienceRole.PUPILS), Role.PUPIL, 10))
            .map(all -> {
                List<CurrentUser> voters = new ArrayList<>(List.of(CARER, TEACHER, PUPIL));
                all.getT1().getT1().forEach(family -> voters.add(family.carer()));
                voters.addAll(all.getT1().getT2());
                voters.addAll(all.getT2());
                return voters;
            });
    }

    /** One voter's votes: their camp's three statements agreed, the other camp's disagreed, the shared ones agreed. */
    private Mono<Void> votes(String conversation, List<String> statements, CurrentUser voter, boolean longerDay) {
        return Flux.range(0, statements.size()).concatMap(i -> {
            VoteChoice choice = i >= 6 ? (i + voter.personId().hashCode()) % 3 == 0 ? VoteChoice.PASS : VoteChoice.AGREE
                : (i < 3) == longerDay ? VoteChoice.AGREE : VoteChoice.DISAGREE;
            return opinions.vote(voter, conversation, statements.get(i), choice);
        }).then();
    }
}
