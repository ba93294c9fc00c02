package app.chorus.surveys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SmallGroupSuppressionRulesTests {

    @Test
    void aLoneSmallGroupTakesTheNextSmallestWithItSoTotalsCannotRevealIt() {
        assertThat(Suppression.hiddenGroups(Map.of("oakfield", 12L, "riverside", 4L, "hillside", 7L)))
            .containsExactlyInAnyOrder("riverside", "hillside");
    }

    @Test
    void twoSmallGroupsAddingUpToFewerThanFiveHideAThird() {
        assertThat(Suppression.hiddenGroups(Map.of("a", 1L, "b", 2L, "c", 9L, "d", 20L)))
            .containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void groupsOfFiveOrMoreAreAllShown() {
        assertThat(Suppression.hiddenGroups(Map.of("a", 5L, "b", 6L))).isEmpty();
    }

    @Test
    void aSmallGroupAloneIsHidden() {
        assertThat(Suppression.hiddenGroups(Map.of("a", 3L))).containsExactly("a");
    }
}
