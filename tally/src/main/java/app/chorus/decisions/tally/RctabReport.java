package app.chorus.decisions.tally;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** An {@link IrvResult} in the shape of RCTab's detailed report JSON (numbers as JSON numbers, keys sorted). */
public final class RctabReport {

  private RctabReport() {
  }

  public static String json(Contest contest, IrvResult result) {
    return RctabConfig.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree(contest, result));
  }

  public static ObjectNode tree(Contest contest, IrvResult result) {
    ObjectNode root = RctabConfig.JSON.createObjectNode();
    ObjectNode config = root.putObject("config");
    config.put("contest", contest.name());
    config.put("date", contest.date());
    config.put("generatedBy", "Chorus tally");
    config.put("jurisdiction", contest.jurisdiction());
    config.put("office", contest.office());
    root.put("jsonFormatVersion", "1");
    ArrayNode rounds = root.putArray("results");
    result.rounds().forEach(round -> round(rounds.addObject(), round));
    ObjectNode summary = root.putObject("summary");
    summary.put("finalThreshold", result.rounds().isEmpty() ? 0 : last(result).threshold());
    List<String> declared = contest.rules().candidates();
    boolean writeIns = !result.rounds().isEmpty() && result.rounds().get(0).tally().containsKey(InstantRunoff.WRITE_INS)
        && !declared.contains(InstantRunoff.WRITE_INS);
    summary.put("numCandidates", declared.size() + (writeIns ? 1 : 0));
    summary.put("numWinners", 1);
    summary.put("totalNumBallots", result.totalBallots());
    summary.put("undervotes", result.undervotes());
    root.put("winner", result.winner());
    root.put("explanation", Explanation.of(result));
    tieBreaks(root, contest.rules(), result);
    return root;
  }

  private static IrvResult.Round last(IrvResult result) {
    return result.rounds().get(result.rounds().size() - 1);
  }

  private static void round(ObjectNode out, IrvResult.Round round) {
    IrvResult.InactiveBallots inactive = round.inactive();
    ObjectNode gone = out.putObject("inactiveBallots");
    gone.put("exhaustedChoices", inactive.exhaustedChoices());
    gone.put("overvotes", inactive.overvotes());
    gone.put("repeatedRankings", inactive.repeatedRankings());
    gone.put("skippedRankings", inactive.skippedRankings());
    out.put("round", round.number());
    numbers(out.putObject("tally"), round.tally());
    ArrayNode results = out.putArray("tallyResults");
    if (round.elected() != null) {
      results.addObject().put("elected", round.elected()).putObject("transfers");
    }
    for (String name : round.eliminated()) {
      ObjectNode action = results.addObject().put("eliminated", name);
      numbers(action.putObject("transfers"), round.transfers().getOrDefault(name, Map.of()));
    }
    out.put("threshold", round.threshold());
  }

  private static void numbers(ObjectNode out, Map<String, Long> values) {
    new TreeMap<>(values).forEach(out::put);
  }

  private static void tieBreaks(ObjectNode root, IrvRules rules, IrvResult result) {
    ObjectNode tie = root.putObject("tiebreak");
    tie.put("mode", rules.tiebreakLabel());
    if (result.randomSeed() != null) {
      tie.put("randomSeed", result.randomSeed());
    }
    ArrayNode ties = tie.putArray("ties");
    for (IrvResult.TieBreak t : result.tieBreaks()) {
      ObjectNode node = ties.addObject().put("round", t.round()).put("votes", t.votes()).put("chosen", t.chosen())
          .put("for", t.forWinner() ? "winner" : "elimination").put("reason", t.reason());
      t.tied().forEach(node.putArray("tied")::add);
    }
  }
}
