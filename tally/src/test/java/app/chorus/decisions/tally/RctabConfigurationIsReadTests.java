package app.chorus.decisions.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class RctabConfigurationIsReadTests {

  private static String config(String rules) {
    return """
        {"tabulatorVersion": "TEST", "outputSettings": {"contestName": "School day", "tabulateByBatch": true},
         "cvrFileSources": [{"filePath": "x.csv", "provider": "genericCsv", "undeclaredWriteInLabel": "Write-In"}],
         "candidates": [{"name": "Earlier start", "code": "E", "aliases": ["Early"]},
                        {"name": "Later finish", "excluded": false}, {"name": "No change", "excluded": true}],
         "rules": {%s}}
        """.formatted(rules);
  }

  private static final String BASE = "\"tiebreakMode\": \"previousRoundCountsThenRandom\", \"randomSeed\": \"77\", "
      + "\"overvoteRule\": \"alwaysSkipToNextRank\", \"winnerElectionMode\": \"singleWinnerMajority\", "
      + "\"numberOfWinners\": 1, \"maxSkippedRanksAllowed\": \"unlimited\", \"maxRankingsAllowed\": \"max\", "
      + "\"batchElimination\": \"true\", \"exhaustOnDuplicateCandidate\": true, \"minimumVoteThreshold\": \"\", "
      + "\"stopTabulationEarlyAfterRound\": \"\", \"decimalPlacesForVoteArithmetic\": \"4\", \"aNewerField\": [1]";

  @Test
  void everyRuleIsReadAndUnusedFieldsAreAccepted() throws IOException {
    Contest contest = RctabConfig.read(config(BASE));
    IrvRules rules = contest.rules();

    assertThat(contest.name()).isEqualTo("School day");
    assertThat(rules.candidates()).containsExactly("Earlier start", "Later finish", "No change");
    assertThat(rules.excluded()).containsExactly("No change");
    assertThat(rules.writeInsListed()).isTrue();
    assertThat(rules.tiebreakMode()).isEqualTo(TiebreakMode.PREVIOUS_ROUND_COUNTS_THEN_RANDOM);
    assertThat(rules.randomSeed()).isEqualTo(77L);
    assertThat(rules.overvoteRule()).isEqualTo(OvervoteRule.ALWAYS_SKIP_TO_NEXT_RANK);
    assertThat(rules.maxSkippedRanks()).isEqualTo(IrvRules.UNLIMITED);
    assertThat(rules.maxRankings()).isEqualTo(3);
    assertThat(rules.batchElimination()).isTrue();
    assertThat(rules.exhaustOnDuplicateCandidate()).isTrue();
    assertThat(rules.stopAfterRound()).isEqualTo(IrvRules.UNLIMITED);
    assertThat(BallotFile.read(new StringReader("ballot_id,rank_1,rank_2\n1,E,Early|Later finish\n"), contest))
        .singleElement().extracting(RankedBallot::rankings)
        .isEqualTo(java.util.List.of(java.util.List.of("Earlier start"),
            java.util.List.of("Earlier start", "Later finish")));
  }

  @Test
  void labelsOfOlderConfigurationsAreReadAsRctabMigratesThem() {
    IrvRules rules = RctabConfig.read(config(BASE.replace("singleWinnerMajority",
        "singleSeatContinueUntilTwoCandidatesRemain").replace("previousRoundCountsThenRandom",
        "usePermutationInConfig"))).rules();

    assertThat(rules.continueUntilTwoCandidatesRemain()).isTrue();
    assertThat(rules.blankIsWriteIn()).isFalse();
    assertThat(RctabConfig.read(config(BASE).replace("\"cvrFileSources\": [{",
        "\"cvrFileSources\": [{\"treatBlankAsUndeclaredWriteIn\": true, ")).rules().blankIsWriteIn()).isTrue();
    assertThat(rules.tiebreakMode()).isEqualTo(TiebreakMode.USE_CANDIDATE_ORDER);
  }

  @Test
  void ruleValuesChorusCannotCountAreRefusedNamingTheField() {
    assertThatThrownBy(() -> RctabConfig.read(config(BASE.replace("singleWinnerMajority", "bottomsUp"))))
        .hasMessage("rules.winnerElectionMode: \"bottomsUp\" is not supported; use singleWinnerMajority");
    assertThatThrownBy(() -> RctabConfig.read(config(BASE + ", \"hareQuota\": true")))
        .hasMessageStartingWith("rules.hareQuota: true is not supported; only false");
    assertThatThrownBy(() -> RctabConfig.read(config(BASE.replace("alwaysSkipToNextRank", "skipAll"))))
        .hasMessage("overvoteRule: \"skipAll\" is not supported; use one of exhaustImmediately, "
            + "alwaysSkipToNextRank, exhaustIfMultipleContinuing");
    assertThatThrownBy(() -> RctabConfig.read(config(BASE.replace("\"unlimited\"", "\"some\""))))
        .hasMessage("rules.maxSkippedRanksAllowed: \"some\" is not supported; use \"unlimited\" or a whole number "
            + "of at least 0");
    assertThatThrownBy(() -> RctabConfig.read(config(BASE.replace("\"77\"", "\"\""))))
        .hasMessage("rules.randomSeed: missing; RCTab requires it");
    assertThatThrownBy(() -> RctabConfig.read(config(BASE + ", \"treatBlankAsUndeclaredWriteIn\": \"maybe\"")))
        .hasMessage("rules.treatBlankAsUndeclaredWriteIn: \"maybe\" is not true or false");
  }
}
