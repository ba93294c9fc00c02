package app.chorus.decisions.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExplanationTests {

  @Test
  void aParentReadsWhoWonInWhichRoundAndWhereVotesMoved() {
    IrvResult result = Ballots.count(IrvRules.of(List.of("A", "B", "C")).build(),
        Ballots.of().times(4, "A").times(3, "B").times(2, "C,B"));

    assertThat(Explanation.of(result))
        .contains("In round 1, C had the fewest votes (2) and was eliminated; their ballots moved to the next "
            + "choice on each: 2 to B.")
        .endsWith("B won in round 2 with 5 of the 9 ballots still counting (5 needed).");
  }

  @Test
  void ballotsThatStopCountingAreToldWithTheirCause() {
    IrvResult result = Ballots.count(IrvRules.of(List.of("A", "B", "C")).build(),
        Ballots.of().add("A|B").times(4, "A").times(3, "B").times(2, "C"));

    assertThat(Explanation.of(result))
        .startsWith("9 of 10 ballots counted in round 1 (1 with several options marked at one rank)")
        .contains("In round 1, C had the fewest votes (2) and was eliminated; 2 ballots stopped counting "
            + "(2 with no further choice).");
  }

  @Test
  void aBrokenTieStatesTheRuleAndTheSeed() {
    IrvResult result = Ballots.count(IrvRules.of(List.of("A", "B", "C", "D"))
        .tiebreak(TiebreakMode.RANDOM, 12345L).build(),
        Ballots.of().times(4, "A").times(3, "B").times(2, "C").times(2, "D"));

    assertThat(Explanation.of(result)).contains("In round 1, the tie between C and D (2 votes each) for last place "
        + "was broken by the rule \"draw lots\" (seed 12345): C was drawn by lot (seed 12345).");
  }
}
