package app.chorus.opinions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.chorus.opinions.internal.MapCheckpoint.Watermark;
import app.chorus.opinions.math.OpinionMapUpdater;
import app.chorus.opinions.math.PolisReplay.Cadence;
import app.chorus.opinions.math.Vote;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A trust-wide map's update folds thousands of participants and takes a while; votes keep arriving and the map keeps
 * being read meanwhile (on the api's event loops), so neither may wait for the maths: a vote taken during an update
 * joins the next one.
 */
class ParticipantsVoteWhileATrustWideMapUpdatesTests {

    private static final int PARTICIPANTS = 12_000;
    private static final int STATEMENTS = 200;

    @Test
    void aVoteAndTheCallersCountAreTakenWhileAnUpdateIsFolding() throws Exception {
        LiveMap map = new LiveMap(new OpinionMapUpdater(), List.of(), Watermark.NONE, Watermark.NONE);
        SplittableRandom random = new SplittableRandom(3);
        for (int p = 0; p < PARTICIPANTS; p++) {
            for (int s = 0; s < STATEMENTS; s++) {
                if (random.nextInt(10) == 0) {
                    map.add(new Vote("p" + p, "s" + s, p % 2 == 0 ? 1 : -1), null, Watermark.NONE);
                }
            }
        }
        Thread updating = new Thread(map::update, "map-update");
        updating.start();
        await("the update folding").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1))
            .until(() -> folding(updating));

        int pending = map.add(new Vote("late", "s0", 1), null, Watermark.NONE);
        int lateVotes = map.votesOf("late");

        assertThat(folding(updating)).as("the vote and the count were answered while the fold was still running").isTrue();
        assertThat(pending).as("the late vote waits for the next update").isEqualTo(1);
        assertThat(lateVotes).isEqualTo(1);
        updating.join();
        assertThat(map.snapshot().map().participants()).doesNotContainKey("late");
        map.update();
        assertThat(map.snapshot().version()).as("the next update folds the late vote").isEqualTo(3);
    }

    @Test
    void aBurstOfVotesAsksForOneUpdateOnlyUntilThatUpdateTakesThem() {
        LiveMap map = new LiveMap(new OpinionMapUpdater(), List.of(), Watermark.NONE, Watermark.NONE);
        int requests = 0;
        for (int v = 0; v < 2_500; v++) {
            map.add(new Vote("p" + v, "s" + (v % 10), 1), null, Watermark.NONE);
            requests += map.requestUpdate(Cadence.LIVE) ? 1 : 0;
        }
        assertThat(requests).as("the 1,000th vote asks for an update; the next 1,500 wait for it").isEqualTo(1);
        map.update();
        map.add(new Vote("late", "s0", 1), null, Watermark.NONE);
        assertThat(map.requestUpdate(Cadence.LIVE)).as("one pending vote is the ticker's").isFalse();
        assertThat(map.due(Cadence.LIVE, System.currentTimeMillis())).as("a small map folds it at the next tick").isTrue();
    }

    private static boolean folding(Thread thread) {
        return Arrays.stream(thread.getStackTrace())
            .anyMatch(frame -> frame.getClassName().equals(OpinionMapUpdater.class.getName()) && frame.getMethodName().equals("fold"));
    }
}
