package app.chorus.opinions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.chorus.moderation.Visibility;
import app.chorus.testing.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A conversation's live map stores a checkpoint of its maths as it updates. A restarted api resumes from it: with
 * nothing newer it reads exactly the map it had before the restart; votes stored after the checkpoint are folded in
 * on top (a participant who voted only then is placed, a changed vote counts once).
 */
@ApiTest
class RestartedMapResumesFromItsCheckpointTests {

    private static final int STATEMENTS = 8;

    @Autowired
    OpinionStore store;

    @Test
    void aRestartedMapResumesFromItsCheckpointAndFoldsOnlyTheNewerVotes() {
        String conversation = "restart-" + UUID.randomUUID();
        List<Statement> statements = new ArrayList<>();
        for (int s = 0; s < STATEMENTS; s++) {
            statements.add(new Statement(conversation + "-s" + s, conversation, "Statement " + s, "stf-00001", true,
                Visibility.SHOWN, Instant.EPOCH, 0L));
        }
        store.insertAll(statements, Statement.COLLECTION).block();
        List<StoredVote> history = new ArrayList<>();
        for (int p = 0; p < 24; p++) {
            history.addAll(camp(conversation, "pupil-" + p, p % 2 == 0, 1_000L * (p / 6 + 1)));
        }
        store.insertAll(history, StoredVote.COLLECTION).block();

        LiveMaps live = new LiveMaps(store, Duration.ZERO);
        LiveMap before;
        try {
            before = live.of(conversation).block();
            assertThat(before.snapshot().map().groups()).as("the two planted camps").hasSize(2);
            StoredVote late = camp(conversation, "pupil-24", true, System.currentTimeMillis()).get(0);
            store.put(late).block();
            live.voted(late, null).block();
            await("the checkpoint covering the late vote").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> checkpointCovers(conversation, late));
        } finally {
            live.stop();
        }

        LiveMaps restarted = new LiveMaps(store, Duration.ZERO);
        try {
            LiveMap resumed = restarted.of(conversation).block();
            assertThat(resumed.snapshot().map()).as("nothing newer than the checkpoint: the same map").isEqualTo(before.snapshot().map());
            assertThat(resumed.snapshot().positions().keySet()).isEqualTo(before.snapshot().positions().keySet());
            before.snapshot().positions().forEach((person, at) -> assertThat(resumed.snapshot().positions().get(person)).containsExactly(at));
        } finally {
            restarted.stop();
        }

        long now = System.currentTimeMillis();
        List<StoredVote> newer = new ArrayList<>(camp(conversation, "pupil-25", false, now));
        newer.add(new StoredVote(StoredVote.key(conversation, "pupil-0", conversation + "-s0"), conversation, "pupil-0",
            conversation + "-s0", 0, now + 1));
        newer.forEach(vote -> store.put(vote).block());
        LiveMaps again = new LiveMaps(store, Duration.ZERO);
        try {
            LiveMap resumed = again.of(conversation).block();
            Map<String, Integer> placed = resumed.snapshot().map().participants();
            assertThat(placed.get("pupil-25")).as("voted after the checkpoint: placed on restart").isNotNull();
            assertThat(placed.get("pupil-25")).isEqualTo(placed.get("pupil-1")).isNotEqualTo(placed.get("pupil-2"));
            assertThat(resumed.votesOf("pupil-0")).as("a changed vote counts once").isEqualTo(STATEMENTS);
            assertThat(resumed.counts(conversation + "-s0")[2]).as("pupil-0's pass replaces their earlier vote").isEqualTo(1);
            assertThat(store.checkpoint(conversation).block().watermark())
                .as("the restart stored a checkpoint of the votes it folded").isEqualTo(newer.stream().map(MapCheckpoint.Watermark::of).max(java.util.Comparator.naturalOrder()).orElseThrow());
        } finally {
            again.stop();
        }
    }

    /** One pupil's votes on every statement with their camp: camp A agrees with the first half, B with the second. */
    private static List<StoredVote> camp(String conversation, String pupil, boolean campA, long at) {
        List<StoredVote> votes = new ArrayList<>();
        for (int s = 0; s < STATEMENTS; s++) {
            String statement = conversation + "-s" + s;
            int value = (s < STATEMENTS / 2) == campA ? 1 : -1;
            votes.add(new StoredVote(StoredVote.key(conversation, pupil, statement), conversation, pupil, statement, value, at + s));
        }
        return votes;
    }

    private boolean checkpointCovers(String conversation, StoredVote vote) {
        MapCheckpoint checkpoint = store.checkpoint(conversation).block();
        return checkpoint != null && checkpoint.watermark().compareTo(MapCheckpoint.Watermark.of(vote)) >= 0;
    }
}
