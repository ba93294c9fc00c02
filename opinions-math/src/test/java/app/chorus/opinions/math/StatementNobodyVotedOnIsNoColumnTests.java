package app.chorus.opinions.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A leader seeding statements before anyone votes, or removing one nobody voted on, does not move the map: as in Polis,
 * whose rating matrix gains a column with a statement's first vote, only statements with a vote count towards the vote
 * minimum (min(7, statements voted on)) and the projection's sqrt(statements / votes), statements' extremity too.
 */
class StatementNobodyVotedOnIsNoColumnTests {

    private final PlantedConversation planted = new PlantedConversation(60, 30, 2, 0.6, 0.95, 5);

    @Test
    void firstVotersArePlacedOnceTheyVotedOnEveryStatementVotedOnSoFar() {
        OpinionMapUpdater updater = new OpinionMapUpdater();
        for (int s = 0; s < 20; s++) {
            updater.addStatement(PlantedConversation.statement(s));
        }
        List<String> firstFour = List.of("s0", "s1", "s2", "s3");
        List<Vote> firstVotes = new PlantedConversation(40, 4, 2, 1.0, 1.0, 5).votes().stream()
                .filter(vote -> firstFour.contains(vote.statement())).toList();
        updater.fold(firstVotes);

        OpinionMap map = updater.map();

        assertThat(map.participants()).hasSize(40).doesNotContainValue(null);
        assertThat(map.groups()).hasSize(2);
    }

    @Test
    void seededAndRemovedStatementsWithoutVotesLeavePositionsAndExtremityAsTheyWere() {
        OpinionMapUpdater plain = new OpinionMapUpdater();
        plain.fold(planted.votes());
        OpinionMapUpdater seeded = new OpinionMapUpdater();
        seeded.addStatement("seeded, not yet voted on");
        seeded.addStatement("removed before anyone voted");
        seeded.moderate("removed before anyone voted", true);
        seeded.fold(planted.votes());

        Map<String, double[]> expected = plain.positions();
        Map<String, double[]> positions = seeded.positions();

        assertThat(positions.keySet()).isEqualTo(expected.keySet());
        expected.forEach((participant, xy) -> {
            assertThat(positions.get(participant)[0]).as("x of %s", participant).isCloseTo(xy[0], within(1e-6));
            assertThat(positions.get(participant)[1]).as("y of %s", participant).isCloseTo(xy[1], within(1e-6));
        });
        assertThat(seeded.map().participants()).isEqualTo(plain.map().participants());
        plain.extremity().forEach((statement, extremity) ->
                assertThat(seeded.extremity().get(statement)).as("extremity of %s", statement).isCloseTo(extremity, within(1e-6)));
    }
}
