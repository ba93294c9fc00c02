package app.chorus.opinions.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A participant who has voted on fewer than min(7, statements) statements is not placed on the map. */
class ParticipantUnderVoteMinimumIsNotPlacedTests {

    private final PlantedConversation planted = new PlantedConversation(60, 20, 2, 1.0, 0.95, 3);

    @Test
    void sixVotesOutOfTwentyStatementsLeaveAParticipantOffTheMap() {
        OpinionMapUpdater updater = new OpinionMapUpdater();
        List<Vote> votes = new ArrayList<>(planted.votes());
        votes.addAll(firstVotesOf("six", 6));
        votes.addAll(firstVotesOf("seven", 7));
        updater.fold(votes);

        OpinionMap map = updater.map();

        assertThat(map.participants()).containsEntry("six", null);
        assertThat(map.participants().get("seven")).isNotNull();
    }

    @Test
    void aParticipantIncludedWhenThereWereFewStatementsStaysIncluded() {
        OpinionMapUpdater updater = new OpinionMapUpdater();
        List<Vote> early = planted.votes().stream().filter(vote -> List.of("s0", "s1", "s2").contains(vote.statement())).toList();
        List<Vote> firstDays = new ArrayList<>(early);
        firstDays.addAll(firstVotesOf("early", 3));
        updater.fold(firstDays);
        updater.fold(planted.votes());

        assertThat(updater.map().participants().get("early")).isNotNull();
    }

    private List<Vote> firstVotesOf(String participant, int count) {
        return planted.votes().stream().filter(vote -> vote.participant().equals("p0")).limit(count)
                .map(vote -> new Vote(participant, vote.statement(), vote.value())).toList();
    }
}
