package app.chorus.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.decisions.internal.BallotRequest;
import static app.chorus.directory.FamilyWithAGrandmother.GRANDMOTHER;
import static app.chorus.directory.FamilyWithAGrandmother.MOTHER;
import static app.chorus.directory.FamilyWithAGrandmother.PUPIL;
import static app.chorus.directory.FamilyWithAGrandmother.SCHOOL;

import app.chorus.directory.FamilyWithAGrandmother;
import app.chorus.shared.Problem;
import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.test.StepVerifier;

/**
 * A leader keeps a consent-like vote to a child's parents and guardians: the grandmother on the roster as the child's
 * {@code relative} cannot cast the child's ballot, the mother can, and the rules say so before anyone votes. Without
 * the restriction the relative may cast it, as before.
 */
@ApiTest
@ExtendWith(FamilyWithAGrandmother.class)
class RelativeCannotCastABallotReservedForParentsAndGuardiansTests extends DecisionTestBase {

    @Test
    void theGrandmotherIsRefusedTheChildsBallotAndTheMotherCastsIt() {
        String id = decisions.create("leader.trust", vote("PER_CHILD_PARENTS_AND_GUARDIANS"));

        web.get().uri("/api/v1/decisions/{id}", id).header("Authorization", Tokens.bearer("leader.trust"))
            .exchange().expectStatus().isOk().expectBody()
            .jsonPath("$.statements[1]").value(text -> assertThat(text.toString())
                .contains("parents or guardians").contains("other relatives on the roster cannot cast it"));

        StepVerifier.create(casting.cast(GRANDMOTHER, id, ballot(), UUID.randomUUID().toString()))
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(Problem.class)
                .satisfies(problem -> assertThat(((Problem) problem).status()).isEqualTo(404)))
            .verify(Duration.ofSeconds(30));
        StepVerifier.create(casting.cast(MOTHER, id, ballot(), UUID.randomUUID().toString()))
            .assertNext(receipt -> assertThat(receipt.changed()).isFalse())
            .verifyComplete();
    }

    @Test
    void withoutTheRestrictionTheGrandmotherMayCastTheChildsBallot() {
        String id = decisions.create("leader.trust", vote("PER_CHILD"));

        StepVerifier.create(casting.cast(GRANDMOTHER, id, ballot(), UUID.randomUUID().toString()))
            .assertNext(receipt -> assertThat(receipt.changed()).isFalse())
            .verifyComplete();
    }

    private static Map<String, Object> vote(String ballotUnit) {
        Map<String, Object> body = DecisionFixtures.with(DecisionFixtures.oakfield("APPROVAL", "NAMED"), "ballotUnit", ballotUnit);
        body = DecisionFixtures.with(body, "audience", Map.of("scope", "SCHOOLS", "ids", List.of(SCHOOL), "roles", List.of("CARERS")));
        body.remove("schoolId");
        return body;
    }

    private static BallotRequest ballot() {
        return new BallotRequest(PUPIL, null, List.of("a"), null, null, null);
    }
}
