package app.chorus.opinions.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A participant who votes again on a statement changes their vote: the map follows the second one only. */
class SecondVoteReplacesFirstTests {

    private final PlantedConversation planted = new PlantedConversation(60, 20, 2, 1.0, 0.95, 5);

    @Test
    void participantWhoChangesEveryVoteMovesToTheOtherGroup() {
        OpinionMapUpdater updater = new OpinionMapUpdater();
        updater.fold(planted.votes());
        updater.fold(votesLike("p0", "changer"));
        assertThat(updater.map().participants().get("changer")).isEqualTo(updater.map().participants().get("p0"));

        updater.fold(votesLike("p1", "changer"));

        OpinionMap map = updater.map();
        assertThat(map.participants().get("changer")).isEqualTo(map.participants().get("p1"))
                .isNotEqualTo(map.participants().get("p0"));
    }

    @Test
    void repeatedVotesOnTheSameStatementsCountOnce() {
        OpinionMapUpdater updater = new OpinionMapUpdater();
        updater.fold(planted.votes());
        List<Vote> fourStatementsTwice = IntStream.range(0, 8).mapToObj(i -> new Vote("repeater", "s" + (i % 4), 1)).toList();

        updater.fold(fourStatementsTwice);

        assertThat(updater.map().participants()).containsEntry("repeater", null);
    }

    private List<Vote> votesLike(String model, String participant) {
        return planted.votes().stream().filter(vote -> vote.participant().equals(model))
                .map(vote -> new Vote(participant, vote.statement(), vote.value())).toList();
    }
}
