package app.chorus.opinions.math;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.opinions.math.PolisReplay.Cadence;
import org.junit.jupiter.api.Test;

/**
 * A map updates once a second (or every 1,000 votes) up to 10 million cells; a trust-wide one, whose update takes
 * about a second of a core, updates less often so that its maths keep to a share of a core. Conversations the size of
 * Polis's public ones keep Polis's cadence, so their imported maps are unchanged.
 */
class TrustWideMapUpdatesAtAStretchedCadenceTests {

    @Test
    void aSchoolSizedConversationKeepsTheOneSecondCadence() {
        assertThat(Cadence.LIVE.forSize(2_000, 900)).isEqualTo(Cadence.LIVE);
        assertThat(Cadence.LIVE.forSize(10_000, 1_000)).isEqualTo(Cadence.LIVE);
        assertThat(Cadence.LIVE.forSize(0, 0)).isEqualTo(Cadence.LIVE);
    }

    @Test
    void aTrustWideConversationUpdatesEveryFewSeconds() {
        assertThat(Cadence.LIVE.forSize(10_001, 1_000)).isEqualTo(new Cadence(2_000, 2_000));
        assertThat(Cadence.LIVE.forSize(50_000, 1_000)).isEqualTo(new Cadence(5_000, 5_000));
    }
}
