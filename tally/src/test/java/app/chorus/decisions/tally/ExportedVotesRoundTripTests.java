package app.chorus.decisions.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A closed vote exported as RCTab's config plus the ballot file reads back to the same ballots and count. */
class ExportedVotesRoundTripTests {

  @Test
  void writtenRulesAndBallotsReadBackToTheSameCount() throws IOException {
    IrvRules rules = IrvRules.of(List.of("Uniform A", "Uniform B", "Uniform \"C\"", "Uniform D"))
        .excluded(Set.of("Uniform D")).writeInsListed(true).blankIsWriteIn(true)
        .tiebreak(TiebreakMode.PREVIOUS_ROUND_COUNTS_THEN_RANDOM, 42L)
        .overvoteRule(OvervoteRule.ALWAYS_SKIP_TO_NEXT_RANK).maxSkippedRanks(IrvRules.UNLIMITED).maxRankings(3)
        .exhaustOnDuplicateCandidate(true).batchElimination(true).continueUntilTwoCandidatesRemain(true)
        .minimumVoteThreshold(1).stopAfterRound(9).build();
    Contest contest = new Contest("Uniform supplier", "2026-12-06", "Trust", "", rules, java.util.Map.of());
    List<RankedBallot> ballots = Ballots.of().add("Uniform A,Uniform B", "Uniform \"C\"|Uniform A,,Uniform B",
        "UWI,Uniform B", "Uniform B,Uniform B", "", "OVERVOTE,Uniform A").list();

    StringWriter csv = new StringWriter();
    BallotFile.write(ballots, csv);
    Contest readContest = RctabConfig.read(RctabConfig.write(contest, "ballots.csv"));
    List<RankedBallot> readBallots = BallotFile.read(new StringReader(csv.toString()), readContest);

    assertThat(readContest.rules()).isEqualTo(rules);
    assertThat(readContest.name()).isEqualTo("Uniform supplier");
    assertThat(readBallots).isEqualTo(ballots.stream().map(ExportedVotesRoundTripTests::padded).toList());
    assertThat(InstantRunoff.count(readContest.rules(), readBallots))
        .isEqualTo(InstantRunoff.count(rules, ballots));
  }

  /** The file has as many rank columns as the longest ballot: shorter ones read back with blank ranks. */
  private static RankedBallot padded(RankedBallot ballot) {
    List<List<String>> ranks = new java.util.ArrayList<>(ballot.rankings());
    while (ranks.size() < 3) {
      ranks.add(List.of());
    }
    return new RankedBallot(ballot.id(), ranks);
  }
}
