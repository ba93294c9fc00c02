package app.chorus.opinions.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A leader moderating a statement out: the map is the one Polis draws with that statement's column set to 0. */
class ModeratedOutStatementCountsAsZeroedColumnTests {

    private static final int PARTICIPANTS = 40;
    private static final int STATEMENTS = 12;
    private static final String DIVISIVE = "s0";

    @Test
    void moderatedOutStatementPlacesEveryoneAsIfAllHadPassedOnIt() {
        OpinionMapUpdater moderated = new OpinionMapUpdater();
        moderated.moderate(DIVISIVE, true);
        moderated.fold(votes(false));
        OpinionMapUpdater zeroed = new OpinionMapUpdater();
        zeroed.fold(votes(true));

        assertThat(moderated.map().participants()).isEqualTo(zeroed.map().participants());
    }

    @Test
    void moderatedOutStatementNoLongerRepresentsAGroup() {
        OpinionMapUpdater shown = new OpinionMapUpdater();
        shown.fold(votes(false));
        OpinionMapUpdater moderated = new OpinionMapUpdater();
        moderated.moderate(DIVISIVE, true);
        moderated.fold(votes(false));

        assertThat(shown.map().groups()).anySatisfy(group -> assertThat(group.representative()).contains(DIVISIVE));
        assertThat(moderated.map().groups()).isNotEmpty()
                .allSatisfy(group -> assertThat(group.representative()).doesNotContain(DIVISIVE));
        assertThat(moderated.map().consensusAgree()).doesNotContain(DIVISIVE);
        assertThat(moderated.map().consensusDisagree()).doesNotContain(DIVISIVE);
    }

    /** Two camps split on s0-s2, the rest noise; everyone votes on everything (s0 as a pass when zeroed). */
    private static List<Vote> votes(boolean zeroDivisive) {
        SplittableRandom random = new SplittableRandom(11);
        List<Vote> votes = new ArrayList<>();
        for (int p = 0; p < PARTICIPANTS; p++) {
            int camp = p % 2 == 0 ? 1 : -1;
            for (int s = 0; s < STATEMENTS; s++) {
                int value = s < 3 ? camp : random.nextInt(3) - 1;
                if (s == 0 && zeroDivisive) {
                    value = 0;
                }
                votes.add(new Vote("p" + p, "s" + s, value));
            }
        }
        return votes;
    }
}
