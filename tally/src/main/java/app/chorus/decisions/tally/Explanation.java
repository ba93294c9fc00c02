package app.chorus.decisions.tally;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** An instant-runoff result told in plain words, for the people who voted. */
public final class Explanation {

  private Explanation() {
  }

  public static String of(IrvResult result) {
    if (result.rounds().isEmpty()) {
      return "No round was counted.";
    }
    List<String> sentences = new ArrayList<>();
    IrvResult.Round first = result.rounds().get(0);
    sentences.add(first.activeBallots() + " of " + result.totalBallots() + " ballots counted in round 1"
        + (result.undervotes() > 0 ? " (" + result.undervotes() + " had nothing marked)" : "")
        + "; an option needed " + first.threshold() + " votes, more than half of the ballots still counting.");
    for (IrvResult.Round round : result.rounds()) {
      result.tieBreaks().stream().filter(t -> t.round() == round.number()).forEach(t -> sentences.add(tie(t, result)));
      if (!round.eliminated().isEmpty()) {
        sentences.add(elimination(round));
      }
    }
    sentences.add(outcome(result));
    return String.join(" ", sentences);
  }

  private static String elimination(IrvResult.Round round) {
    List<String> out = round.eliminated();
    String who;
    if (out.equals(List.of(InstantRunoff.WRITE_INS))) {
      who = "In round " + round.number() + ", write-ins not on the list (" + round.tally().get(out.get(0))
          + " votes) were set aside first, as the rules require";
    } else if (out.size() > 1) {
      who = "In round " + round.number() + ", " + list(out.stream().map(o -> o + " (" + round.tally().get(o) + ")")
          .toList()) + " together had fewer votes than the next option, so none could win and all were eliminated";
    } else {
      who = "In round " + round.number() + ", " + out.get(0) + " had the fewest votes (" + round.tally().get(out.get(0))
          + ") and was eliminated";
    }
    return who + moves(round) + ".";
  }

  private static String moves(IrvResult.Round round) {
    Map<String, Long> moved = new java.util.TreeMap<>();
    round.transfers().values().forEach(m -> m.forEach((to, n) -> moved.merge(to, n, Long::sum)));
    Long stopped = moved.remove(IrvResult.Round.EXHAUSTED);
    List<String> parts = new ArrayList<>();
    moved.forEach((to, n) -> parts.add(n + " to " + to));
    if (stopped != null) {
      parts.add(stopped + (stopped == 1 ? " ballot" : " ballots") + " stopped counting (no further choice it could use)");
    }
    return parts.isEmpty() ? "" : "; their ballots moved to the next choice on each: " + list(parts);
  }

  private static String tie(IrvResult.TieBreak tie, IrvResult result) {
    return "In round " + tie.round() + ", the tie between " + list(tie.tied()) + " (" + tie.votes() + " votes each) "
        + "for " + (tie.forWinner() ? "first place" : "last place") + " was broken by the rule "
        + rule(result) + ": " + tie.reason() + ".";
  }

  private static String rule(IrvResult result) {
    return switch (result.tiebreakMode()) {
      case USE_CANDIDATE_ORDER -> "\"use the order of the options in the rules\"";
      case PREVIOUS_ROUND_COUNTS_THEN_CANDIDATE_ORDER ->
          "\"compare earlier rounds, then use the order of the options in the rules\"";
      case RANDOM -> "\"draw lots\" (seed " + result.randomSeed() + ")";
      case PREVIOUS_ROUND_COUNTS_THEN_RANDOM -> "\"compare earlier rounds, then draw lots\" (seed "
          + result.randomSeed() + ")";
      case GENERATE_PERMUTATION -> "\"an order of the options drawn by lot\" (seed " + result.randomSeed() + ")";
    };
  }

  private static String outcome(IrvResult result) {
    IrvResult.Round won = result.rounds().stream().filter(r -> r.elected() != null).findFirst().orElse(null);
    if (won == null) {
      return "The count stopped after round " + result.rounds().size() + " without a winner, as the rules set.";
    }
    return won.elected() + " won in round " + won.number() + " with " + won.tally().get(won.elected()) + " of the "
        + won.activeBallots() + " ballots still counting (" + won.threshold() + " needed).";
  }

  private static String list(List<String> items) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return items.subList(0, items.size() - 1).stream().collect(Collectors.joining(", ")) + " and "
        + items.get(items.size() - 1);
  }
}
