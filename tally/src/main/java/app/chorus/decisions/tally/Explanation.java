package app.chorus.decisions.tally;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    List<String> notCounted = new ArrayList<>();
    if (result.undervotes() > 0) {
      notCounted.add(result.undervotes() + " had nothing marked");
    }
    notCounted.addAll(causes(first.inactive()));
    sentences.add(first.activeBallots() + " of " + result.totalBallots() + " ballots counted in round 1"
        + (notCounted.isEmpty() ? "" : " (" + list(notCounted) + ")")
        + "; an option needed " + first.threshold() + " votes, more than half of the ballots still counting.");
    List<IrvResult.Round> rounds = result.rounds();
    for (int i = 0; i < rounds.size(); i++) {
      IrvResult.Round round = rounds.get(i);
      result.tieBreaks().stream().filter(t -> t.round() == round.number()).forEach(t -> sentences.add(tie(t, result)));
      if (!round.eliminated().isEmpty()) {
        IrvResult.InactiveBallots after = i + 1 < rounds.size() ? rounds.get(i + 1).inactive() : round.inactive();
        sentences.add(elimination(round, minus(after, round.inactive())));
      }
    }
    sentences.add(outcome(result));
    return String.join(" ", sentences);
  }

  private static String elimination(IrvResult.Round round, IrvResult.InactiveBallots stopped) {
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
    return who + moves(round, stopped) + ".";
  }

  private static String moves(IrvResult.Round round, IrvResult.InactiveBallots stopped) {
    Map<String, Long> moved = new TreeMap<>();
    round.transfers().values().forEach(m -> m.forEach((to, n) -> moved.merge(to, n, Long::sum)));
    moved.remove(IrvResult.Round.EXHAUSTED);
    List<String> parts = new ArrayList<>();
    moved.forEach((to, n) -> parts.add(n + " to " + to));
    String moves = parts.isEmpty() ? "" : "; their ballots moved to the next choice on each: " + list(parts);
    List<String> why = causes(stopped);
    String stops = why.isEmpty() ? "" : (parts.isEmpty() ? "; " : ", and ") + stopped.total()
        + (stopped.total() == 1 ? " ballot" : " ballots") + " stopped counting (" + list(why) + ")";
    return moves + stops;
  }

  private static List<String> causes(IrvResult.InactiveBallots inactive) {
    List<String> causes = new ArrayList<>();
    cause(causes, inactive.exhaustedChoices(), "with no further choice");
    cause(causes, inactive.overvotes(), "with several options marked at one rank");
    cause(causes, inactive.skippedRankings(), "with too many ranks skipped");
    cause(causes, inactive.repeatedRankings(), "with an option ranked twice");
    return causes;
  }

  private static void cause(List<String> causes, long count, String what) {
    if (count > 0) {
      causes.add(count + " " + what);
    }
  }

  private static IrvResult.InactiveBallots minus(IrvResult.InactiveBallots later, IrvResult.InactiveBallots now) {
    return new IrvResult.InactiveBallots(later.overvotes() - now.overvotes(),
        later.skippedRankings() - now.skippedRankings(), later.exhaustedChoices() - now.exhaustedChoices(),
        later.repeatedRankings() - now.repeatedRankings());
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
