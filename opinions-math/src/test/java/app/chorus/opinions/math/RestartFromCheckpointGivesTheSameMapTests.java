package app.chorus.opinions.math;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.opinions.math.PolisExport.Statement;
import app.chorus.opinions.math.PolisExport.TimedVote;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A conversation's map is checkpointed half way through its history; a restart resumes from the checkpoint with the
 * votes folded so far (a vote replaced since is no longer among them) and replays only the newer votes. It ends with
 * the same map, and the same positions, as the map that never restarted.
 */
class RestartFromCheckpointGivesTheSameMapTests {

    private static final int BURST = 300;
    private static final long GAP_MILLIS = 2_000;

    @Test
    void aMapResumedFromItsCheckpointEndsAsTheMapThatNeverRestarted() {
        List<Vote> planted = new PlantedConversation(240, 40, 3, 0.3, 0.85, 11).votes();
        List<TimedVote> history = new ArrayList<>();
        for (int i = 0; i < planted.size(); i++) {
            history.add(new TimedVote((i / BURST) * GAP_MILLIS, planted.get(i)));
        }
        int cut = (planted.size() / BURST / 2) * BURST;
        long cutTime = history.get(cut).at();
        Vote early = planted.get(0);
        Vote changedMind = new Vote(early.participant(), early.statement(), -early.value() == 0 ? 1 : -early.value());
        history.add(new TimedVote(cutTime + 1, changedMind));
        List<Statement> statements = IntStream.range(0, 40)
            .mapToObj(s -> new Statement(PlantedConversation.statement(s), 0, false)).toList();

        OpinionMapUpdater neverRestarted = PolisReplay.replay(export(statements, history), PolisReplay.Cadence.LIVE);

        OpinionMapUpdater beforeRestart = PolisReplay.replay(export(statements, history.subList(0, cut)), PolisReplay.Cadence.LIVE);
        Checkpoint checkpoint = beforeRestart.checkpoint();
        List<Vote> stored = history.subList(1, cut).stream().map(TimedVote::vote).toList();
        OpinionMapUpdater restarted = PolisReplay.resume(checkpoint, stored,
            export(statements, history.subList(cut, history.size())), PolisReplay.Cadence.LIVE);

        OpinionMap expected = neverRestarted.map();
        assertThat(expected.groups()).as("the planted groups are found").hasSize(3);
        assertThat(restarted.map()).isEqualTo(expected);
        Map<String, double[]> positions = restarted.positions();
        neverRestarted.positions().forEach((participant, at) -> assertThat(positions.get(participant)).containsExactly(at));
    }

    @Test
    void aMapResumedWithNothingNewReadsAsItDidAtTheCheckpoint() {
        List<Vote> planted = new PlantedConversation(120, 20, 2, 0.5, 0.9, 5).votes();
        List<TimedVote> history = IntStream.range(0, planted.size())
            .mapToObj(i -> new TimedVote((i / BURST) * GAP_MILLIS, planted.get(i))).toList();
        List<Statement> statements = IntStream.range(0, 20)
            .mapToObj(s -> new Statement(PlantedConversation.statement(s), 0, false)).toList();
        OpinionMapUpdater live = PolisReplay.replay(export(statements, history), PolisReplay.Cadence.LIVE);

        OpinionMapUpdater restarted = PolisReplay.resume(live.checkpoint(), planted, export(statements, List.of()),
            PolisReplay.Cadence.LIVE);

        assertThat(restarted.map()).isEqualTo(live.map());
        assertThat(restarted.extremity()).isEqualTo(live.extremity());
    }

    /**
     * Polis's shared Brexit conversation, whose map depends on its history (a batch computation finds 3 groups, the
     * replay 2): restarted at the first quiet second past half way, it ends as the replay that never stopped.
     */
    @Test
    void aRealConversationResumedHalfWayEndsAsItsUninterruptedReplay() throws Exception {
        PolisExport conversation = PolisExport.read(ImportedPolisConversationMatchesPolisGroupsTests.sharedData()
            .resolve("polis/brexit-consensus"));
        List<TimedVote> votes = conversation.votes().stream().sorted(java.util.Comparator.comparingLong(TimedVote::at)).toList();
        int cut = votes.size() / 2;
        while (votes.get(cut).at() - votes.get(cut - 1).at() < 1_000) {
            cut++;
        }
        long last = votes.get(cut - 1).at();
        List<Statement> shownBefore = conversation.statements().stream().filter(st -> st.createdAt() <= last).toList();

        OpinionMapUpdater neverRestarted = PolisReplay.replay(conversation, PolisReplay.Cadence.LIVE);
        OpinionMapUpdater beforeRestart = PolisReplay.replay(new PolisExport(shownBefore, votes.subList(0, cut),
            conversation.participants(), Map.of()), PolisReplay.Cadence.LIVE);
        Map<String, Vote> standing = new java.util.LinkedHashMap<>();
        votes.subList(0, cut).forEach(v -> standing.put(v.vote().participant() + "|" + v.vote().statement(), v.vote()));
        OpinionMapUpdater restarted = PolisReplay.resume(beforeRestart.checkpoint(), standing.values(),
            new PolisExport(conversation.statements(), votes.subList(cut, votes.size()), conversation.participants(), Map.of()),
            PolisReplay.Cadence.LIVE);

        assertThat(neverRestarted.map().groups()).hasSize(2);
        assertThat(restarted.map()).isEqualTo(neverRestarted.map());
    }

    private static PolisExport export(List<Statement> statements, List<TimedVote> votes) {
        Set<String> participants = votes.stream().map(v -> v.vote().participant()).collect(Collectors.toSet());
        return new PolisExport(statements, votes, participants, Map.of());
    }
}
