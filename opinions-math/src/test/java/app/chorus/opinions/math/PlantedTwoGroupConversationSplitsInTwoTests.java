package app.chorus.opinions.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlantedTwoGroupConversationSplitsInTwoTests {

    @Test
    void twoPlantedCampsBecomeExactlyTheTwoGroups() {
        PlantedConversation planted = new PlantedConversation(120, 30, 2, 0.6, 0.95, 7);
        OpinionMapUpdater updater = new OpinionMapUpdater();
        updater.fold(planted.votes());

        OpinionMap map = updater.map();

        assertThat(map.groups()).hasSize(2);
        List<Integer> ours = new ArrayList<>();
        List<Integer> plantedGroups = new ArrayList<>();
        for (int p = 0; p < planted.participants(); p++) {
            ours.add(map.participants().get(PlantedConversation.participant(p)));
            plantedGroups.add(planted.groupOf(p));
        }
        assertThat(ours).doesNotContainNull();
        assertThat(AdjustedRandIndex.of(ours, plantedGroups)).isEqualTo(1.0);
        assertThat(map.groups()).allSatisfy(group -> assertThat(group.representative()).isNotEmpty());
    }
}
