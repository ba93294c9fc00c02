package app.chorus.decisions.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EliminationFollowsRctabTests {

  private static final List<String> ABCD = List.of("A", "B", "C", "D");

  @Test
  void theThresholdIsRecomputedFromTheBallotsStillActive() {
    IrvResult result = Ballots.count(IrvRules.of(ABCD).build(),
        Ballots.of().times(4, "A").times(3, "B").times(2, "C").times(2, "D"));

    assertThat(result.rounds()).extracting(IrvResult.Round::threshold).containsExactly(6L, 5L, 4L);
    assertThat(result.rounds().get(1).inactive().exhaustedChoices()).isEqualTo(2);
    assertThat(result.rounds().get(2).elected()).isEqualTo("A");
  }

  @Test
  void batchEliminationDropsEveryoneWhoCannotCatchUp() {
    Ballots ballots = Ballots.of().times(10, "A").times(8, "B").times(2, "C").add("D", "E");
    List<String> five = List.of("A", "B", "C", "D", "E");

    IrvResult batch = Ballots.count(IrvRules.of(five).batchElimination(true).build(), ballots);
    IrvResult single = Ballots.count(IrvRules.of(five).build(), ballots);

    assertThat(batch.rounds().get(0).eliminated()).containsExactlyInAnyOrder("C", "D", "E");
    assertThat(batch.rounds().get(1).tally()).containsOnlyKeys("A", "B");
    assertThat(single.rounds().get(0).eliminated()).containsExactly("E");
  }

  @Test
  void writeInsGoFirstAndNobodyWinsWhileTheyHoldVotes() {
    IrvResult result = Ballots.count(IrvRules.of(List.of("A", "B")).build(),
        Ballots.of().times(6, "A").times(3, "UWI,B").add("B"));

    IrvResult.Round first = result.rounds().get(0);
    assertThat(first.tally()).containsEntry("A", 6L).containsEntry(InstantRunoff.WRITE_INS, 3L);
    assertThat(first.threshold()).isEqualTo(6);
    assertThat(first.elected()).isNull();
    assertThat(first.eliminated()).containsExactly(InstantRunoff.WRITE_INS);
    assertThat(first.transfers()).containsEntry(InstantRunoff.WRITE_INS, Map.of("B", 3L));
    assertThat(result.rounds().get(1).elected()).isEqualTo("A");
  }

  @Test
  void listedWriteInsWithoutVotesStandAtNought() {
    IrvResult result = Ballots.count(IrvRules.of(List.of("A", "B", "C")).writeInsListed(true).build(),
        Ballots.of().times(3, "A").times(2, "B").add("C"));

    assertThat(result.rounds().get(0).tally()).containsEntry(InstantRunoff.WRITE_INS, 0L);
    assertThat(result.rounds().get(0).eliminated()).containsExactly(InstantRunoff.WRITE_INS);
  }

  @Test
  void anOptionDeclaredUnderRctabsWriteInNameIsTheWriteIns() {
    List<String> declared = List.of("A", "B", InstantRunoff.WRITE_INS);
    Ballots ballots = Ballots.of().times(4, "A").times(2, "B").times(2, InstantRunoff.WRITE_INS + ",B").add("UWI,B");

    IrvResult result = Ballots.count(IrvRules.of(declared).build(), ballots);

    assertThat(result.rounds().get(0).tally()).isEqualTo(Map.of("A", 4L, "B", 2L, InstantRunoff.WRITE_INS, 3L));
    assertThat(result.rounds().get(0).eliminated()).containsExactly(InstantRunoff.WRITE_INS);
    assertThat(result.rounds().get(1).tally()).isEqualTo(Map.of("A", 4L, "B", 5L));
    assertThat(result.winner()).isEqualTo("B");
  }

  @Test
  void countingGoesOnUntilTwoRemainWhenAsked() {
    Ballots ballots = Ballots.of().times(6, "A").times(2, "B").add("C", "D");

    IrvResult shortCount = Ballots.count(IrvRules.of(ABCD).build(), ballots);
    IrvResult longCount = Ballots.count(IrvRules.of(ABCD).continueUntilTwoCandidatesRemain(true).build(), ballots);

    assertThat(shortCount.rounds()).hasSize(1);
    assertThat(longCount.rounds()).hasSize(4);
    assertThat(longCount.rounds().get(0).elected()).isEqualTo("A");
    assertThat(longCount.rounds()).extracting(IrvResult.Round::eliminated)
        .containsExactly(List.of(), List.of("D"), List.of("C"), List.of());
    assertThat(longCount.rounds().get(3).tally()).isEqualTo(Map.of("A", 6L, "B", 2L));
    assertThat(longCount.winner()).isEqualTo("A");
  }

  @Test
  void onceTheWinnerIsFoundTheThresholdStaysWhileCountingGoesOnToTwo() {
    // 14 ballots: A wins round 1 on 8; D's and C's ballots then stop counting (13, then 11 active), yet RCTab keeps 8
    Ballots ballots = Ballots.of().times(8, "A").times(3, "B").times(2, "C").add("D");

    IrvResult result = Ballots.count(IrvRules.of(ABCD).continueUntilTwoCandidatesRemain(true).build(), ballots);

    assertThat(result.rounds().get(0).elected()).isEqualTo("A");
    assertThat(result.rounds().get(3).inactive().exhaustedChoices()).isEqualTo(3);
    assertThat(result.rounds()).extracting(IrvResult.Round::threshold).containsExactly(8L, 8L, 8L, 8L);
  }

  @Test
  void optionsBelowTheMinimumVoteThresholdGoTogether() {
    IrvResult result = Ballots.count(IrvRules.of(ABCD).minimumVoteThreshold(2).build(),
        Ballots.of().times(5, "A").times(4, "B").add("C", "D"));

    assertThat(result.rounds().get(0).eliminated()).containsExactlyInAnyOrder("C", "D");
    assertThatThrownBy(() -> Ballots.count(IrvRules.of(ABCD).minimumVoteThreshold(9).build(),
        Ballots.of().times(5, "A").times(4, "B").add("C", "D")))
        .isInstanceOf(TallyException.class).hasMessageContaining("minimumVoteThreshold");
  }

  @Test
  void theFirstRoundCanFixTheThresholdAndTheLeaderOfTheLastTwoWins() {
    IrvResult result = Ballots.count(IrvRules.of(List.of("A", "B", "C")).firstRoundDeterminesThreshold(true).build(),
        Ballots.of().times(4, "A").times(3, "B").times(2, "C"));

    assertThat(result.rounds()).extracting(IrvResult.Round::threshold).containsExactly(5L, 5L);
    assertThat(result.rounds().get(1).elected()).isEqualTo("A");
  }

  @Test
  void theCountCanStopEarly() {
    IrvResult result = Ballots.count(IrvRules.of(ABCD).stopAfterRound(1).build(),
        Ballots.of().times(4, "A").times(3, "B").times(2, "C").times(2, "D"));

    assertThat(result.rounds()).hasSize(1);
    assertThat(result.winner()).isNull();
  }
}
