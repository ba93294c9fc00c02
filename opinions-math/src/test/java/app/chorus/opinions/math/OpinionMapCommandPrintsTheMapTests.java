package app.chorus.opinions.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Someone moving a Polis conversation runs {@code ./chorus opinion-map DIR} and reads the map as JSON. */
class OpinionMapCommandPrintsTheMapTests {

    @TempDir
    Path folder;

    @Test
    void printsEveryParticipantsGroupTheGroupsAndTheConsensus() throws Exception {
        PlantedConversation planted = new PlantedConversation(40, 12, 2, 1.0, 0.95, 9);
        StringBuilder comments = new StringBuilder("timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n");
        for (int s = 0; s < planted.statements(); s++) {
            comments.append(1000 + s).append(",Mon,").append(PlantedConversation.statement(s)).append(",0,0,0,1,\"Statement\n")
                    .append(s).append("\"\n");
        }
        StringBuilder votes = new StringBuilder("timestamp,datetime,comment-id,voter-id,vote\n");
        long at = 2000;
        for (Vote vote : planted.votes()) {
            votes.append(at += 400).append(",Mon,").append(vote.statement()).append(',').append(vote.participant()).append(',')
                    .append(vote.value()).append('\n');
        }
        votes.append(at + 400).append(",Mon,s0,newcomer,1\n");
        Files.writeString(folder.resolve("comments.csv"), comments);
        Files.writeString(folder.resolve("votes.csv"), votes);

        Map<String, Object> printed = OpinionMapCommand.output(
                PolisReplay.replay(PolisExport.read(folder), PolisReplay.Cadence.LIVE).map());

        assertThat(printed).containsOnlyKeys("participants", "groups", "consensus");
        @SuppressWarnings("unchecked")
        Map<String, Integer> participants = (Map<String, Integer>) printed.get("participants");
        assertThat(participants).hasSize(41).containsEntry("newcomer", null);
        assertThat(participants.get("p0")).isNotEqualTo(participants.get("p1")).isNotNull();
        assertThat((List<?>) printed.get("groups")).hasSize(2).allSatisfy(group ->
                assertThat(List.copyOf(((Map<?, ?>) group).keySet())).isEqualTo(List.of("id", "size", "representative")));
    }
}
