package app.chorus.devtools.demo;

import static app.chorus.devtools.demo.DemoPeople.CARER;
import static app.chorus.devtools.demo.DemoPeople.LEADER;
import static app.chorus.devtools.demo.DemoPeople.OAKFIELD;
import static app.chorus.devtools.demo.DemoPeople.OAKFIELD_HEAD;

import app.chorus.decisions.Method;
import app.chorus.decisions.internal.Anonymity;
import app.chorus.decisions.internal.BallotCasting;
import app.chorus.decisions.internal.BallotRequest;
import app.chorus.decisions.internal.BallotUnit;
import app.chorus.decisions.internal.Decision;
import app.chorus.decisions.internal.DecisionDraft;
import app.chorus.decisions.internal.DecisionManagement;
import app.chorus.decisions.internal.DecisionOption;
import app.chorus.decisions.internal.RankingRules;
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
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A closed trust-wide ranked-choice vote with its round-by-round result, and open votes for Oakfield's carers (ranked),
 * the trust's staff and Oakfield's pupils (approval), each with ballots already cast.
 */
@Component
class DemoDecisions {

    private static final List<List<String>> CHARITY_RANKINGS = List.of(
        List.of("foodbank", "hospice"), List.of("hospice", "foodbank"), List.of("library", "hospice", "foodbank"),
        List.of("lifeboats", "library", "hospice"));
    /** How many ballots rank each way: no option has a majority at first, so the count takes rounds. */
    private static final int[] CHARITY_SHARES = {11, 9, 6, 5};

    private final DecisionManagement decisions;
    private final BallotCasting casting;
    private final DemoPeople people;

    DemoDecisions(DecisionManagement decisions, BallotCasting casting, DemoPeople people) {
        this.decisions = decisions;
        this.casting = casting;
        this.people = people;
    }

    Mono<Void> seed() {
        Instant now = Instant.now();
        return decisions.create(LEADER, draft("Which charity should the trust support this year?", Method.RANKED_IRV,
                options("hospice", "The local hospice", "foodbank", "The food bank", "library", "Books for the town library",
                    "lifeboats", "The lifeboats (RNLI)"), Audience.trust(AudienceRole.CARERS), BallotUnit.PER_CHILD, null,
                now.plus(Duration.ofDays(14))), "demo-charity")
            .flatMap(charity -> people.families(31).flatMap(families -> Flux.range(0, families.size())
                    .concatMap(i -> ballot(families.get(i).carer(), charity, families.get(i).pupilId(), rankingOf(i), null)).then())
                .then(ballot(CARER, charity, "pup-000001", List.of("foodbank", "library"), null))
                .then(decisions.close(LEADER, charity.id())))
            .then(decisions.create(OAKFIELD_HEAD, draft("Which uniform supplier should Oakfield choose?", Method.RANKED_IRV,
                    options("alder", "Alder Uniforms", "birch", "Birch & Co", "cedar", "Cedar Schoolwear"),
                    Audience.schools(Set.of(OAKFIELD), AudienceRole.CARERS), BallotUnit.PER_CHILD, OAKFIELD,
                    now.plus(Duration.ofDays(10))), "demo-uniform"))
            .flatMap(uniform -> people.families(12, OAKFIELD).flatMap(families -> Flux.range(0, families.size())
                .concatMap(i -> ballot(families.get(i).carer(), uniform, families.get(i).pupilId(),
                    i % 3 == 0 ? List.of("birch", "alder") : List.of("alder", "cedar", "birch"), null)).then()))
            .then(decisions.create(LEADER, draft("Which topics should the next INSET day cover?", Method.APPROVAL,
                    options("send", "Supporting pupils with SEND", "behaviour", "Behaviour and routines", "ai", "AI in the classroom"),
                    Audience.trust(AudienceRole.STAFF), BallotUnit.PER_PERSON, null, now.plus(Duration.ofDays(7))), "demo-inset"))
            .flatMap(inset -> people.others(Audience.trust(AudienceRole.STAFF), Role.STAFF, 10).flatMap(staff ->
                Flux.range(0, staff.size()).concatMap(i -> ballot(staff.get(i), inset, null, null,
                    i % 2 == 0 ? List.of("send", "ai") : List.of("behaviour"))).then()))
            .then(decisions.create(OAKFIELD_HEAD, draft("Which charity should Oakfield's school council support?", Method.APPROVAL,
                    options("animals", "The animal rescue centre", "park", "Cleaning up the park", "hospital", "The children's hospital"),
                    Audience.schools(Set.of(OAKFIELD), AudienceRole.PUPILS), BallotUnit.PER_PERSON, OAKFIELD,
                    now.plus(Duration.ofDays(7))), "demo-council"))
            .flatMap(council -> people.others(Audience.schools(Set.of(OAKFIELD), AudienceRole.PUPILS), Role.PUPIL, 8)
                .flatMap(pupils -> Flux.range(0, pupils.size()).concatMap(i -> ballot(pupils.get(i), council, null, null,
                    i % 3 == 0 ? List.of("park") : List.of("animals", "hospital"))).then()))
            .then();
    }

    private static List<String> rankingOf(int ballot) {
        int share = 0;
        for (int i = 0; i < CHARITY_SHARES.length; i++) {
            share += CHARITY_SHARES[i];
            if (ballot < share) {
                return CHARITY_RANKINGS.get(i);
            }
        }
        return CHARITY_RANKINGS.get(0);
    }

    private Mono<Void> ballot(CurrentUser voter, Decision decision, String unit, List<String> ranking, List<String> approve) {
        return casting.cast(voter.personId(), decision.id(), new BallotRequest(unit, ranking, approve, null, null, null),
            "demo-" + decision.id() + "-" + voter.personId()).then();
    }

    private static DecisionDraft draft(String question, Method method, List<DecisionOption> options, Audience audience,
                                       BallotUnit unit, String schoolId, Instant closesAt) {
        return new DecisionDraft(Map.of("en", question), null, options, method, null,
            method == Method.RANKED_IRV ? RankingRules.DEFAULT : null, audience, unit, Anonymity.CONFIDENTIAL, false, null,
            closesAt, schoolId, null);
    }

    private static List<DecisionOption> options(String... idsAndLabels) {
        List<DecisionOption> options = new ArrayList<>();
        for (int i = 0; i < idsAndLabels.length; i += 2) {
            options.add(new DecisionOption(idsAndLabels[i], Map.of("en", idsAndLabels[i + 1])));
        }
        return options;
    }
}
