package app.chorus.decisions.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BallotsStopCountingByCauseTests {

  private static final List<String> ABC = List.of("A", "B", "C");
  private static final List<String> ABCD = List.of("A", "B", "C", "D");

  @Test
  void anOvervoteExhaustsTheBallotAtOnce() {
    IrvResult result = Ballots.count(IrvRules.of(ABC).build(),
        Ballots.of().add("A|B,C").times(3, "A").times(2, "B").add("C"));

    IrvResult.Round first = result.rounds().get(0);
    assertThat(first.inactive().overvotes()).isEqualTo(1);
    assertThat(first.tally()).containsEntry("A", 3L).containsEntry("C", 1L);
    assertThat(first.threshold()).isEqualTo(4);
  }

  @Test
  void skippingAnOvervoteMovesOnAndAFinalOvervoteIsAnExhaustedChoice() {
    IrvResult result = Ballots.count(IrvRules.of(ABC).overvoteRule(OvervoteRule.ALWAYS_SKIP_TO_NEXT_RANK).build(),
        Ballots.of().add("A|B,C", "B|C", "OVERVOTE,B").times(3, "A"));

    IrvResult.Round first = result.rounds().get(0);
    assertThat(first.tally()).containsEntry("C", 1L).containsEntry("B", 1L);
    assertThat(first.inactive()).isEqualTo(new IrvResult.InactiveBallots(0, 0, 1, 0));
  }

  @Test
  void anOvervoteWithOneContinuingOptionCountsForIt() {
    IrvRules rules = IrvRules.of(ABCD).excluded(Set.of("D"))
        .overvoteRule(OvervoteRule.EXHAUST_IF_MULTIPLE_CONTINUING).build();

    IrvResult result = Ballots.count(rules, Ballots.of().add("A|D,C", "A|B,C").times(2, "B"));

    IrvResult.Round first = result.rounds().get(0);
    assertThat(first.tally()).containsOnlyKeys("A", "B", "C").containsEntry("A", 1L);
    assertThat(first.inactive().overvotes()).isEqualTo(1);
  }

  @Test
  void anUnknownOvervoteCannotBeJudgedByContinuingOptions() {
    IrvRules rules = IrvRules.of(ABC).overvoteRule(OvervoteRule.EXHAUST_IF_MULTIPLE_CONTINUING).build();

    assertThatThrownBy(() -> Ballots.count(rules, Ballots.of().add("OVERVOTE,A", "B")))
        .isInstanceOf(TallyException.class).hasMessageContaining("overvoteRule");
  }

  /** A is eliminated first; its ballots skip two ranks, or one. */
  private static Ballots skipping() {
    return Ballots.of().add("A,,,B", "A,,B").times(3, "B").times(4, "C");
  }

  @Test
  void tooManySkippedRanksExhaustTheBallot() {
    IrvResult result = Ballots.count(IrvRules.of(ABC).maxSkippedRanks(1).maxRankings(4).build(), skipping());

    IrvResult.Round second = result.rounds().get(1);
    assertThat(result.rounds().get(0).transfers().get("A")).isEqualTo(Map.of("B", 1L, "exhausted", 1L));
    assertThat(second.inactive().skippedRankings()).isEqualTo(1);
    assertThat(second.tally()).containsEntry("B", 4L);
  }

  @Test
  void unlimitedSkippedRanksKeepTheBallot() {
    IrvResult result = Ballots.count(IrvRules.of(ABC).maxSkippedRanks(IrvRules.UNLIMITED).maxRankings(4).build(),
        skipping());

    assertThat(result.rounds().get(1).tally()).containsEntry("B", 5L);
    assertThat(result.winner()).isEqualTo("B");
  }

  @Test
  void ranksPastTheMaximumAreNotRead() {
    Ballots ballots = Ballots.of().add("A,B").times(2, "B").times(3, "C");

    assertThat(Ballots.count(IrvRules.of(ABC).maxRankings(1).build(), ballots).rounds().get(0).transfers())
        .containsEntry("A", Map.of("exhausted", 1L));
    assertThat(Ballots.count(IrvRules.of(ABC).maxRankings(2).build(), ballots).rounds().get(0).transfers())
        .containsEntry("A", Map.of("B", 1L));
  }

  @Test
  void aRepeatedOptionExhaustsTheBallotWhenTheRulesSaySo() {
    Ballots ballots = Ballots.of().add("A,A,B").times(2, "B").times(3, "C");

    IrvResult exhausting = Ballots.count(IrvRules.of(ABC).exhaustOnDuplicateCandidate(true).build(), ballots);
    IrvResult skipping = Ballots.count(IrvRules.of(ABC).build(), ballots);

    assertThat(exhausting.rounds().get(1).inactive().repeatedRankings()).isEqualTo(1);
    assertThat(exhausting.rounds().get(1).tally()).containsEntry("B", 2L);
    assertThat(skipping.rounds().get(1).inactive().total()).isZero();
    assertThat(skipping.rounds().get(1).tally()).containsEntry("B", 3L);
  }

  @Test
  void blankBallotsAreUndervotesNeitherActiveNorInactive() {
    IrvResult result = Ballots.count(IrvRules.of(ABC).build(), Ballots.of().add(",,", "").times(2, "A").add("B"));

    assertThat(result.totalBallots()).isEqualTo(5);
    assertThat(result.undervotes()).isEqualTo(2);
    assertThat(result.rounds().get(0).activeBallots()).isEqualTo(3);
    assertThat(result.rounds().get(0).inactive().total()).isZero();
    assertThat(result.winner()).isEqualTo("A");
  }

  @Test
  void blanksReadAsWriteInsWhenTheRulesSaySo() {
    IrvResult result = Ballots.count(IrvRules.of(List.of("A", "B")).blankIsWriteIn(true).maxRankings(2).build(),
        Ballots.of().add("A,", ",B", ""));

    assertThat(result.undervotes()).isZero();
    assertThat(result.rounds().get(0).tally()).containsEntry(InstantRunoff.WRITE_INS, 2L);
    assertThat(result.rounds().get(0).eliminated()).containsExactly(InstantRunoff.WRITE_INS);
    assertThat(result.rounds().get(1).tally()).containsEntry("A", 1L).containsEntry("B", 1L);
    assertThat(result.rounds().get(1).inactive().exhaustedChoices()).isEqualTo(1);
  }

  @Test
  void anOptionNotInTheRulesIsRefused() {
    assertThatThrownBy(() -> Ballots.count(IrvRules.of(ABC).build(), Ballots.of().add("A,Z")))
        .isInstanceOf(TallyException.class).hasMessageContaining("ballot b1, rank 2: \"Z\"");
  }
}
