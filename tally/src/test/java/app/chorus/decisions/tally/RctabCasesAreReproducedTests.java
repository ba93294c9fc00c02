package app.chorus.decisions.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/** Every RCTab case in the shared data, counted by Chorus, equals RCTab's own expected report round by round. */
class RctabCasesAreReproducedTests {

  @TestFactory
  Stream<DynamicTest> everySharedCaseMatchesRctabsReport() throws IOException {
    List<Path> cases;
    try (Stream<Path> dirs = Files.list(SharedData.rcvCases())) {
      cases = dirs.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(cases).as("RCTab cases in %s", SharedData.rcvCases()).isNotEmpty();
    return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
  }

  private static void check(Path dir) throws IOException {
    String name = dir.getFileName().toString();
    Contest contest = RctabConfig.read(Files.readString(dir.resolve(name + "_config.json")));
    List<RankedBallot> ballots;
    try (Reader in = Files.newBufferedReader(dir.resolve("ballots.csv"))) {
      ballots = BallotFile.read(in, contest);
    }
    JsonNode ours = RctabReport.tree(contest, InstantRunoff.count(contest.rules(), ballots));
    JsonNode theirs = RctabConfig.JSON.readTree(dir.resolve(name + "_expected_detailed_report.json").toFile());

    assertThat(ours.path("results").size()).as("rounds").isEqualTo(theirs.path("results").size());
    for (int r = 0; r < theirs.path("results").size(); r++) {
      compareRound("round " + (r + 1), ours.path("results").get(r), theirs.path("results").get(r));
    }
    JsonNode summary = theirs.path("summary");
    assertThat(ours.path("summary").path("totalNumBallots").asLong())
        .isEqualTo(summary.path("totalNumBallots").asLong());
    assertThat(ours.path("summary").path("undervotes").asLong()).isEqualTo(summary.path("undervotes").asLong());
  }

  private static void compareRound(String round, JsonNode ours, JsonNode theirs) {
    assertThat(numbers(ours.path("tally"))).as(round + " tally").isEqualTo(numbers(theirs.path("tally")));
    assertThat(new BigDecimal(ours.path("threshold").asString()))
        .as(round + " threshold").isEqualByComparingTo(new BigDecimal(theirs.path("threshold").asString()));
    assertThat(numbers(ours.path("inactiveBallots"))).as(round + " inactive ballots")
        .isEqualTo(numbers(theirs.path("inactiveBallots")));
    assertThat(actions(ours.path("tallyResults"))).as(round + " eliminated / elected and transfers")
        .isEqualTo(actions(theirs.path("tallyResults")));
  }

  private static Map<String, BigDecimal> numbers(JsonNode object) {
    Map<String, BigDecimal> values = new HashMap<>();
    object.properties().forEach(e -> values.put(e.getKey(), new BigDecimal(e.getValue().asString()).stripTrailingZeros()));
    return values;
  }

  private static Set<List<Object>> actions(JsonNode results) {
    Set<List<Object>> actions = new HashSet<>();
    for (JsonNode action : results) {
      List<Object> one = new ArrayList<>();
      one.add(action.has("elected") ? "elected " + action.path("elected").asString()
          : "eliminated " + action.path("eliminated").asString());
      one.add(numbers(action.path("transfers")));
      actions.add(one);
    }
    return actions;
  }
}
