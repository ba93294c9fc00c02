package app.chorus.decisions.tally;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Breaks ties as RCTab does. The draw uses {@link Random} seeded with {@code randomSeed}, one {@code nextDouble()} per
 * draw over the tied names in alphabetical order, and the permutation is RCTab's shuffle of the sorted names, so a
 * recount with RCTab draws the same.
 */
final class Tiebreaker {

  private final IrvRules rules;
  private final Contestants contestants;
  private final Random random;
  private final List<String> order;

  Tiebreaker(IrvRules rules, Contestants contestants) {
    this.rules = rules;
    this.contestants = contestants;
    this.random = rules.tiebreakMode().needsSeed() ? new Random(rules.randomSeed()) : null;
    List<String> names = new ArrayList<>(rules.candidates());
    if (rules.tiebreakMode() == TiebreakMode.GENERATE_PERMUTATION) {
      Collections.sort(names);
      Collections.shuffle(names, random);
    }
    this.order = names;
  }

  /** Chooses among {@code tied}: the winner when {@code forWinner}, otherwise the one to eliminate. */
  IrvResult.TieBreak choose(List<Integer> tied, boolean forWinner, int round, long votes, List<long[]> tallies) {
    List<String> names = sortedNames(tied);
    Choice choice = rules.tiebreakMode().looksAtPreviousRounds()
        ? byPreviousRounds(tied, forWinner, round, tallies)
        : byMode(names, forWinner, round);
    return new IrvResult.TieBreak(round, names, votes, choice.name, forWinner, choice.reason);
  }

  private record Choice(String name, String reason) {
  }

  private Choice byPreviousRounds(List<Integer> tied, boolean forWinner, int round, List<long[]> tallies) {
    List<String> contention = sortedNames(tied);
    for (int earlier = round - 1; earlier > 0; earlier--) {
      long[] tally = tallies.get(earlier - 1);
      ToLongFunction<String> votes = name -> tally[contestants.index(name)];
      // RCTab looks the tied options up in a HashSet of their names, so the draw that may follow takes them in
      // that set's iteration order (the same JDK HashSet, so the same order), not alphabetically
      List<String> inRctabOrder = List.copyOf(new HashSet<>(contention));
      LongStream counts = inRctabOrder.stream().mapToLong(votes);
      long best = (forWinner ? counts.max() : counts.min()).orElseThrow();
      contention = inRctabOrder.stream().filter(name -> votes.applyAsLong(name) == best).toList();
      if (contention.size() == 1) {
        return new Choice(contention.get(0), contention.get(0) + " had the " + (forWinner ? "most" : "fewest")
            + " votes of them (" + best + ") in round " + earlier);
      }
    }
    Choice fallback = byMode(contention, forWinner, round);
    String still = round > 1 ? "they were also tied in every earlier round, so " : "it was the first round, so ";
    return new Choice(fallback.name, still + fallback.reason);
  }

  private Choice byMode(List<String> names, boolean forWinner, int round) {
    if (rules.operatorBreaksTies()) {
      throw new TallyException("tiebreakMode: " + rules.tiebreakLabel() + " stops the count in round " + round
          + " for someone to choose between " + String.join(" and ", names) + ", which a recount cannot do; use "
          + "useCandidateOrder, previousRoundCountsThenUseCandidateOrder, random, previousRoundCountsThenRandom or "
          + "generatePermutation");
    }
    return switch (rules.tiebreakMode()) {
      case RANDOM, PREVIOUS_ROUND_COUNTS_THEN_RANDOM -> draw(names);
      case GENERATE_PERMUTATION -> inOrder(names, forWinner, "in the order drawn with seed " + rules.randomSeed());
      default -> inOrder(names, forWinner, "in the rules' list of options");
    };
  }

  private Choice draw(List<String> names) {
    String chosen = names.get((int) Math.floor(random.nextDouble() * names.size()));
    return new Choice(chosen, chosen + " was drawn by lot (seed " + rules.randomSeed() + ")");
  }

  private Choice inOrder(List<String> names, boolean forWinner, String where) {
    List<String> search = new ArrayList<>(order);
    if (!forWinner) {
      Collections.reverse(search);
    }
    // undeclared write-ins are in no order; they are chosen only when nothing else is tied (as in RCTab)
    String chosen = search.stream().filter(names::contains).findFirst().orElse(InstantRunoff.WRITE_INS);
    return new Choice(chosen, chosen + " comes " + (forWinner ? "first" : "last") + " of them " + where);
  }

  private List<String> sortedNames(List<Integer> tied) {
    return tied.stream().map(c -> contestants.names[c]).sorted().collect(Collectors.toList());
  }
}
