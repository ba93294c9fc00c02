package app.chorus.opinions.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A trust moving a past Polis conversation into Chorus gets the groups Polis showed: every conversation kept under
 * {@code ../shared/data/polis/} with Polis's own {@code group-id} column is replayed through the live update path and
 * compared with Polis's groups over the participants both placed (adjusted Rand index at least 0.75, same count).
 */
class ImportedPolisConversationMatchesPolisGroupsTests {

    private static final double LEAST_AGREEMENT = 0.75;

    @TestFactory
    Stream<DynamicTest> replayedConversationGroupsAgreeWithPolis() throws IOException {
        Path polis = sharedData().resolve("polis");
        List<Path> conversations;
        try (Stream<Path> folders = Files.list(polis)) {
            conversations = folders.filter(ImportedPolisConversationMatchesPolisGroupsTests::hasPolisGroups).sorted().toList();
        }
        return conversations.stream().map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> check(folder)));
    }

    private static void check(Path folder) throws Exception {
        Map<String, String> polisGroups = polisGroups(folder);
        OpinionMap map = PolisReplay.replay(PolisExport.read(folder), PolisReplay.Cadence.LIVE).map();

        List<String> theirs = new ArrayList<>();
        List<Integer> ours = new ArrayList<>();
        map.participants().forEach((participant, group) -> {
            String polisGroup = polisGroups.getOrDefault(participant, "");
            if (group != null && !polisGroup.isEmpty()) {
                theirs.add(polisGroup);
                ours.add(group);
            }
        });
        long polisGroupCount = polisGroups.values().stream().filter(g -> !g.isEmpty()).distinct().count();
        double agreement = AdjustedRandIndex.of(theirs, ours);
        System.out.printf("%s: ARI %.3f over %d participants, %d groups (Polis %d)%n", folder.getFileName(), agreement,
                ours.size(), map.groups().size(), polisGroupCount);
        assertThat(map.groups()).as("number of groups").hasSize((int) polisGroupCount);
        assertThat(agreement).as("adjusted Rand index against Polis's groups").isGreaterThanOrEqualTo(LEAST_AGREEMENT);
        assertThat(new HashSet<>(ours)).hasSize((int) polisGroupCount);
    }

    private static boolean hasPolisGroups(Path folder) {
        Path file = folder.resolve("participants-votes.csv");
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.findFirst().map(header -> List.of(header.split(",")).contains("group-id")).orElse(false);
        } catch (IOException e) {
            return false;
        }
    }

    private static Map<String, String> polisGroups(Path folder) throws IOException {
        Map<String, String> groups = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(folder.resolve("participants-votes.csv"));
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            for (CSVRecord row : parser) {
                groups.put(row.get("participant"), row.get("group-id").trim());
            }
        }
        return groups;
    }

    /**
     * {@code ../shared/data} beside the repository root; in a git worktree, beside the main checkout when the worktree
     * has none of its own.
     */
    static Path sharedData() throws IOException {
        Path root = repositoryRoot();
        List<Path> candidates = new ArrayList<>(List.of(root.resolve("../shared/data").normalize()));
        Path gitFile = root.resolve(".git");
        if (Files.isRegularFile(gitFile)) {
            String gitDir = Files.readString(gitFile).replace("gitdir:", "").trim();
            Path mainCheckout = Path.of(gitDir).getParent().getParent().getParent();
            candidates.add(mainCheckout.resolve("../shared/data").normalize());
        }
        return candidates.stream().filter(dir -> Files.isDirectory(dir.resolve("polis/brexit-consensus"))).findFirst()
                .orElseThrow(() -> new AssertionError("The shared Polis data is missing: expected "
                        + candidates.get(0).resolve("polis/brexit-consensus")
                        + " (the reference data sits beside the repository root; see its README)"));
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("chorus"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            fail("Cannot find the repository root (the folder holding ./chorus) above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
