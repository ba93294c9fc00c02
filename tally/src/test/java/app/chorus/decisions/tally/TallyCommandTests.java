package app.chorus.decisions.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class TallyCommandTests {

  private static final String RULES = """
      {"tabulatorVersion": "TEST", "outputSettings": {"contestName": "New uniform supplier", "futureField": 1},
       "candidates": [{"name": "Alpha"}, {"name": "Beta"}, {"name": "Gamma"}],
       "rules": {"tiebreakMode": "useCandidateOrder", "overvoteRule": "exhaustImmediately",
                 "winnerElectionMode": "singleWinnerMajority", "numberOfWinners": "1", "randomSeed": "",
                 "maxSkippedRanksAllowed": "1", "maxRankingsAllowed": "max", "batchElimination": false,
                 "rulesDescription": "School rules", "someFieldRctabAddsLater": "x"}}
      """;

  @TempDir
  Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int tally(String rules, String ballots) throws IOException {
    Path rulesFile = Files.writeString(dir.resolve("rules.json"), rules);
    Path ballotsFile = Files.writeString(dir.resolve("ballots.csv"), ballots);
    return TallyCommand.run(new String[] {rulesFile.toString(), ballotsFile.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String errors() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aParentRecountsAVoteAndGetsRctabsReportShape() throws IOException {
    int exit = tally(RULES, """
        ballot_id,rank_1,rank_2,rank_3
        1,Alpha,Beta,
        2,Alpha,,
        3,Beta,Alpha,
        4,Gamma,Beta,
        5,,,
        6,Beta,,
        """);

    assertThat(exit).isZero();
    JsonNode report = RctabConfig.JSON.readTree(out.toString(StandardCharsets.UTF_8));
    JsonNode first = report.path("results").get(0);
    assertThat(first.path("tally").path("Alpha").isIntegralNumber()).isTrue();
    assertThat(first.path("tally").path("Alpha").asLong()).isEqualTo(2);
    assertThat(first.path("threshold").asLong()).isEqualTo(3);
    assertThat(first.path("tallyResults").get(0).path("eliminated").asString()).isEqualTo("Gamma");
    assertThat(first.path("tallyResults").get(0).path("transfers").path("Beta").asLong()).isEqualTo(1);
    assertThat(report.path("results").get(1).path("tallyResults").get(0).path("elected").asString())
        .isEqualTo("Beta");
    assertThat(report.path("summary").path("totalNumBallots").asLong()).isEqualTo(6);
    assertThat(report.path("summary").path("undervotes").asLong()).isEqualTo(1);
    assertThat(report.path("explanation").asString()).contains("Beta won in round 2");
  }

  @Test
  void aMalformedBallotFileNamesTheFileAndLineAndExitsTwo() throws IOException {
    int exit = tally(RULES, """
        ballot_id,rank_1,rank_2,rank_3
        1,Alpha,Beta,
        2,Alpha,Delta,
        """);

    assertThat(exit).isEqualTo(2);
    assertThat(errors()).contains("ballots.csv: line 3, rank_2: \"Delta\" is not an option in the rules")
        .doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(out.size()).isZero();
  }

  @Test
  void aBadHeaderAndBrokenQuotesAreExplained() throws IOException {
    assertThat(tally(RULES, "id,first\n1,Alpha\n")).isEqualTo(2);
    assertThat(errors()).contains("line 1: the header is \"id,first\"; it must be ballot_id,rank_1");

    assertThat(tally(RULES, "ballot_id,rank_1\n1,\"Alpha\n")).isEqualTo(2);
    assertThat(errors()).contains("ballots.csv: ").doesNotContain("\tat ");
  }

  @Test
  void anUnsupportedRuleIsRefusedNamingTheFieldAndTheSupportedValues() throws IOException {
    int exit = tally(RULES.replace("\"numberOfWinners\": \"1\"", "\"numberOfWinners\": \"3\""), "ballot_id,rank_1\n");

    assertThat(exit).isEqualTo(2);
    assertThat(errors()).contains("rules.json: rules.numberOfWinners: 3 is not supported")
        .contains("numberOfWinners 1");

    assertThat(tally(RULES.replace("useCandidateOrder", "coinToss"), "ballot_id,rank_1\n")).isEqualTo(2);
    assertThat(errors()).contains("tiebreakMode: \"coinToss\" is not supported; use one of useCandidateOrder");
  }

  @Test
  void aCountUnderAnAskTheOperatorModeGoesAheadUntilATieNeedsSomeoneToChoose() throws IOException {
    String asking = RULES.replace("useCandidateOrder", "stopCountingAndAsk");

    int withoutTie = tally(asking, "ballot_id,rank_1\n1,Alpha\n2,Alpha\n3,Alpha\n4,Beta\n5,Gamma\n6,Gamma\n");
    JsonNode report = RctabConfig.JSON.readTree(out.toString(StandardCharsets.UTF_8));
    int withTie = tally(asking, "ballot_id,rank_1\n1,Alpha\n2,Alpha\n3,Beta\n4,Gamma\n");

    assertThat(withoutTie).isZero();
    assertThat(report.path("winner").asString()).isEqualTo("Alpha");
    assertThat(report.path("tiebreak").path("mode").asString()).isEqualTo("stopCountingAndAsk");
    assertThat(withTie).isEqualTo(2);
    assertThat(errors()).contains("tiebreakMode: stopCountingAndAsk stops the count in round 1 for someone to choose "
        + "between Beta and Gamma, which a recount cannot do");
  }

  @Test
  void brokenJsonAMissingFileAndWrongArgumentsExitTwo() throws IOException {
    assertThat(tally("{\"candidates\": [", "ballot_id,rank_1\n")).isEqualTo(2);
    assertThat(errors()).contains("rules.json: not valid JSON at line");

    assertThat(TallyCommand.run(new String[] {dir.resolve("none.json").toString(), "x.csv"},
        new PrintStream(out), new PrintStream(err))).isEqualTo(2);
    assertThat(errors()).contains("none.json: no such file");

    assertThat(TallyCommand.run(new String[] {"only-one"}, new PrintStream(out), new PrintStream(err))).isEqualTo(2);
    assertThat(errors()).contains("Usage: ./chorus tally RULES.json BALLOTS.csv");
  }
}
