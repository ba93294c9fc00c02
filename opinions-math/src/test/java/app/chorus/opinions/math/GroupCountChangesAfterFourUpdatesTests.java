package app.chorus.opinions.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Participants watching the map live do not see the number of groups flicker: as in Polis, it changes only once the
 * same new number has been the best for 4 updates in a row.
 */
class GroupCountChangesAfterFourUpdatesTests {

    private final PlantedConversation planted = new PlantedConversation(120, 30, 3, 1.0, 0.95, 13);

    @Test
    void aThirdCampShowsAsAThirdGroupOnlyAfterWinningFourUpdates() {
        OpinionMapUpdater updater = new OpinionMapUpdater();
        updater.fold(campVotes(0, 1));
        assertThat(updater.map().groups()).hasSize(2);

        updater.fold(campVotes(2));
        for (int update = 1; update <= 3; update++) {
            assertThat(updater.map().groups()).as("update %d with the third camp", update).hasSize(2);
            updater.fold(List.of());
        }
        for (int update = 4; update <= 6 && updater.map().groups().size() == 2; update++) {
            updater.fold(List.of());
        }
        assertThat(updater.map().groups()).as("a few updates later").hasSize(3);
    }

    private List<Vote> campVotes(Integer... camps) {
        List<Integer> wanted = List.of(camps);
        return planted.votes().stream()
                .filter(vote -> wanted.contains(planted.groupOf(Integer.parseInt(vote.participant().substring(1)))))
                .toList();
    }
}
