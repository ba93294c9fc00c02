package app.chorus.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SmallGroupsRulesTests {

    @Test
    void aLoneSmallGroupTakesTheNextSmallestWithItSoTotalsCannotRevealIt() {
        assertThat(SmallGroups.DEFAULT.hiddenGroups(Map.of("oakfield", 12L, "riverside", 4L, "hillside", 7L)))
            .containsExactlyInAnyOrder("riverside", "hillside");
    }

    @Test
    void twoSmallGroupsAddingUpToFewerThanFiveHideAThird() {
        assertThat(SmallGroups.DEFAULT.hiddenGroups(Map.of("a", 1L, "b", 2L, "c", 9L, "d", 20L)))
            .containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void groupsOfFiveOrMoreAreAllShown() {
        assertThat(SmallGroups.DEFAULT.hiddenGroups(Map.of("a", 5L, "b", 6L))).isEmpty();
    }

    @Test
    void aSmallGroupAloneIsHidden() {
        assertThat(SmallGroups.DEFAULT.hiddenGroups(Map.of("a", 3L))).containsExactly("a");
    }

    @Test
    void aTrustThatRaisesTheMinimumHidesGroupsBelowItsOwnFigure() {
        assertThat(new SmallGroups(8).hiddenGroups(Map.of("a", 7L, "b", 8L, "c", 30L)))
            .containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void aMinimumBelowFiveIsRefusedNamingTheSetting() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SmallGroups(3))
            .hasMessageContaining(SmallGroups.PROPERTY).hasMessageContaining("below 5");
    }
}
