package app.chorus.decisions.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TiesAreBrokenByTheConfiguredRuleTests {

  private static final List<String> ABCD = List.of("A", "B", "C", "D");

  /** C and D tie for last in round 1. */
  private static Ballots lastPlaceTie() {
    return Ballots.of().times(4, "A").times(3, "B").times(2, "C").times(2, "D");
  }

  @Test
  void candidateOrderEliminatesTheTiedOptionListedLast() {
    IrvResult result = Ballots.count(IrvRules.of(ABCD).build(), lastPlaceTie());

    assertThat(result.rounds().get(0).eliminated()).containsExactly("D");
    assertThat(result.tieBreaks()).singleElement().satisfies(t -> {
      assertThat(t.tied()).containsExactly("C", "D");
      assertThat(t.forWinner()).isFalse();
      assertThat(t.reason()).contains("D comes last of them in the rules' list of options");
    });
    assertThat(result.winner()).isEqualTo("A");
  }

  @Test
  void earlierRoundsDecideBeforeTheCandidateOrder() {
    // round 2: B and C tie on 3; in round 1 C had 2 and B 3, so C goes, though the order would drop B
    Ballots ballots = Ballots.of().times(6, "A").times(3, "B").times(2, "C").add("D,C");
    List<String> order = List.of("A", "C", "B", "D");

    IrvResult byHistory = Ballots.count(IrvRules.of(order)
        .tiebreak(TiebreakMode.PREVIOUS_ROUND_COUNTS_THEN_CANDIDATE_ORDER, null).build(), ballots);
    IrvResult byOrder = Ballots.count(IrvRules.of(order).build(), ballots);

    assertThat(byHistory.rounds().get(1).eliminated()).containsExactly("C");
    assertThat(byHistory.tieBreaks().get(0).reason()).isEqualTo("C had the fewest votes of them (2) in round 1");
    assertThat(byOrder.rounds().get(1).eliminated()).containsExactly("B");
  }

  @Test
  void aDrawUsesTheSeedAsRctabDoesAndRecordsIt() {
    // RCTab draws floor(nextDouble() * n) over the tied names sorted: seed 12345 draws 0.36 (C), 99999 draws 0.54 (D)
    IrvResult first = Ballots.count(IrvRules.of(ABCD).tiebreak(TiebreakMode.RANDOM, 12345L).build(), lastPlaceTie());
    IrvResult second = Ballots.count(IrvRules.of(ABCD).tiebreak(TiebreakMode.RANDOM, 99999L).build(), lastPlaceTie());

    assertThat(new Random(12345L).nextDouble()).isLessThan(0.5);
    assertThat(first.rounds().get(0).eliminated()).containsExactly("C");
    assertThat(second.rounds().get(0).eliminated()).containsExactly("D");
    assertThat(first.randomSeed()).isEqualTo(12345L);
    assertThat(first.tieBreaks().get(0).reason()).isEqualTo("C was drawn by lot (seed 12345)");
  }

  @Test
  void previousRoundsThenADrawFallsBackToTheDrawInRoundOne() {
    IrvResult result = Ballots.count(IrvRules.of(ABCD)
        .tiebreak(TiebreakMode.PREVIOUS_ROUND_COUNTS_THEN_RANDOM, 99999L).build(), lastPlaceTie());

    assertThat(result.rounds().get(0).eliminated()).containsExactly("D");
    assertThat(result.tieBreaks().get(0).reason()).isEqualTo("it was the first round, so D was drawn by lot (seed 99999)");
  }

  @Test
  void aDrawAfterTiesInEveryEarlierRoundTakesTheTiedInRctabsOrderNotAlphabetically() {
    // Birch and Rowan tie in rounds 1 and 2. RCTab then draws over a HashSet of their names, which iterates Rowan
    // before Birch: seed 12345 draws 0.36, the first of two, so Rowan (alphabetically it would be Birch)
    Ballots ballots = Ballots.of().times(3, "Birch").times(3, "Rowan").add("Ash");

    IrvResult result = Ballots.count(IrvRules.of(List.of("Ash", "Birch", "Rowan"))
        .tiebreak(TiebreakMode.PREVIOUS_ROUND_COUNTS_THEN_RANDOM, 12345L).build(), ballots);

    assertThat(result.rounds()).hasSize(2);
    assertThat(result.rounds().get(1).elected()).isEqualTo("Rowan");
    assertThat(result.tieBreaks()).singleElement().satisfies(t -> assertThat(t.reason())
        .isEqualTo("they were also tied in every earlier round, so Rowan was drawn by lot (seed 12345)"));
  }

  @Test
  void aGeneratedPermutationIsRctabsShuffleOfTheSortedNames() {
    long seed = 7;
    List<String> permutation = new ArrayList<>(List.of("A", "B", "C", "D"));
    Collections.shuffle(permutation, new Random(seed));
    String expectedLoser = permutation.indexOf("C") > permutation.indexOf("D") ? "C" : "D";

    IrvResult result = Ballots.count(IrvRules.of(List.of("D", "C", "B", "A"))
        .tiebreak(TiebreakMode.GENERATE_PERMUTATION, seed).build(), lastPlaceTie());

    assertThat(result.rounds().get(0).eliminated()).containsExactly(expectedLoser);
    assertThat(result.tieBreaks().get(0).reason()).endsWith("in the order drawn with seed 7");
  }

  @Test
  void aTieBetweenTheLastTwoIsBrokenForTheWinner() {
    IrvResult result = Ballots.count(IrvRules.of(List.of("A", "B")).build(), Ballots.of().times(2, "B").times(2, "A"));

    assertThat(result.rounds()).hasSize(1);
    assertThat(result.rounds().get(0).elected()).isEqualTo("A");
    assertThat(result.tieBreaks()).singleElement().satisfies(t -> {
      assertThat(t.forWinner()).isTrue();
      assertThat(t.reason()).isEqualTo("A comes first of them in the rules' list of options");
    });
  }

  @Test
  void aDrawWithoutASeedIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> IrvRules.of(ABCD).tiebreak(TiebreakMode.RANDOM, null).build())
        .isInstanceOf(TallyException.class).hasMessageContaining("randomSeed");
  }
}
