package app.chorus.decisions.tally;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes RCTab contest configuration files (RCTab's config_file_documentation.txt). Fields Chorus does not
 * use are accepted and ignored; rule values it cannot count as RCTab would are refused, naming the field.
 */
public final class RctabConfig {

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String SINGLE_WINNER = "singleWinnerMajority";
  // labels of configurations written before RCTab 1.3, which RCTab still migrates when it loads them
  private static final String UNTIL_TWO = "singleSeatContinueUntilTwoCandidatesRemain";
  private static final Set<String> SINGLE_WINNER_LABELS = Set.of(SINGLE_WINNER, "standard", UNTIL_TWO);
  private static final Map<String, String> LEGACY_TIEBREAK = Map.of("usePermutationInConfig", "useCandidateOrder");
  // RCTab's modes that stop for an operator: counted as the mode without the operator until a tie needs one
  private static final Map<String, TiebreakMode> OPERATOR_TIEBREAK = Map.of(
      IrvRules.STOP_COUNTING_AND_ASK, TiebreakMode.USE_CANDIDATE_ORDER,
      IrvRules.PREVIOUS_ROUND_COUNTS_THEN_ASK, TiebreakMode.PREVIOUS_ROUND_COUNTS_THEN_CANDIDATE_ORDER);

  private RctabConfig() {
  }

  public static Contest read(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new TallyException("not valid JSON" + where + " (" + e.getOriginalMessage() + "); fix the JSON");
    }
    if (root == null || !root.isObject()) {
      throw new TallyException("expected a JSON object with candidates and rules (an RCTab contest configuration)");
    }
    Map<String, String> aliases = new HashMap<>();
    List<String> candidates = new ArrayList<>();
    Set<String> excluded = new HashSet<>();
    readCandidates(root, candidates, excluded, aliases);
    JsonNode output = root.path("outputSettings");
    return new Contest(text(output, "contestName"), text(output, "contestDate"), text(output, "contestJurisdiction"),
        text(output, "contestOffice"), readRules(root, candidates, excluded), aliases);
  }

  private static void readCandidates(JsonNode root, List<String> names, Set<String> excluded,
      Map<String, String> aliases) {
    JsonNode list = root.path("candidates");
    if (!list.isArray() || list.isEmpty()) {
      throw new TallyException("candidates: expected a list of {\"name\": ...} with at least one option");
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode candidate = list.get(i);
      String name = text(candidate, "name");
      if (name.isBlank()) {
        throw new TallyException("candidates[" + i + "].name: missing; give every option a name");
      }
      names.add(name);
      if (flag(candidate, "excluded", "candidates[" + i + "].excluded")) {
        excluded.add(name);
      }
      String code = text(candidate, "code");
      if (!code.isBlank()) {
        aliases.put(code, name);
      }
      candidate.path("aliases").forEach(alias -> aliases.put(alias.asString(), name));
    }
  }

  private static IrvRules readRules(JsonNode root, List<String> candidates, Set<String> excluded) {
    JsonNode rules = root.path("rules");
    if (!rules.isObject()) {
      throw new TallyException("rules: missing; give the rules object of an RCTab contest configuration");
    }
    refuseUnsupported(root, rules);
    String label = LEGACY_TIEBREAK.getOrDefault(required(rules, "tiebreakMode"), required(rules, "tiebreakMode"));
    boolean operatorBreaksTies = OPERATOR_TIEBREAK.containsKey(label);
    TiebreakMode tiebreak = operatorBreaksTies ? OPERATOR_TIEBREAK.get(label) : TiebreakMode.ofLabel(label);
    Long seed = tiebreak.needsSeed() ? number(rules, "randomSeed", Long.MIN_VALUE) : null;
    return IrvRules.of(candidates)
        .excluded(excluded)
        .writeInsListed(writeInsLabelled(root) || blanksAreWriteIns(root))
        .blankIsWriteIn(blanksAreWriteIns(root))
        .tiebreak(tiebreak, seed)
        .operatorBreaksTies(operatorBreaksTies)
        .overvoteRule(OvervoteRule.ofLabel(required(rules, "overvoteRule")))
        .maxSkippedRanks(limit(rules, "maxSkippedRanksAllowed", "unlimited", IrvRules.UNLIMITED, 0))
        .maxRankings(limit(rules, "maxRankingsAllowed", "max", candidates.size(), 1))
        .exhaustOnDuplicateCandidate(flag(rules, "exhaustOnDuplicateCandidate", "rules.exhaustOnDuplicateCandidate"))
        .batchElimination(flag(rules, "batchElimination", "rules.batchElimination"))
        .continueUntilTwoCandidatesRemain(UNTIL_TWO.equals(text(rules, "winnerElectionMode"))
            || flag(rules, "continueUntilTwoCandidatesRemain", "rules.continueUntilTwoCandidatesRemain"))
        .minimumVoteThreshold(optionalNumber(rules, "minimumVoteThreshold", 0, 0))
        .firstRoundDeterminesThreshold(
            flag(rules, "doesFirstRoundDetermineThreshold", "rules.doesFirstRoundDetermineThreshold"))
        .stopAfterRound((int) optionalNumber(rules, "stopTabulationEarlyAfterRound", IrvRules.UNLIMITED, 1))
        .build();
  }

  private static void refuseUnsupported(JsonNode root, JsonNode rules) {
    String winners = text(rules, "numberOfWinners");
    if (!winners.isBlank() && !winners.equals("1")) {
      throw new TallyException("rules.numberOfWinners: " + winners
          + " is not supported; Chorus counts single-winner contests only (numberOfWinners 1)");
    }
    String mode = text(rules, "winnerElectionMode");
    if (!mode.isBlank() && !SINGLE_WINNER_LABELS.contains(mode)) {
      throw new TallyException("rules.winnerElectionMode: \"" + mode + "\" is not supported; use " + SINGLE_WINNER);
    }
    for (String field : List.of("nonIntegerWinningThreshold", "hareQuota")) {
      if (flag(rules, field, "rules." + field)) {
        throw new TallyException("rules." + field + ": true is not supported; only false (single-winner counts "
            + "with integer thresholds)");
      }
    }
  }

  /** RCTab reads blanks as undeclared write-ins when the rules (before 1.3) or a source say so. */
  private static boolean blanksAreWriteIns(JsonNode root) {
    boolean blank = flag(root.path("rules"), "treatBlankAsUndeclaredWriteIn", "rules.treatBlankAsUndeclaredWriteIn");
    for (JsonNode source : root.path("cvrFileSources")) {
      blank |= flag(source, "treatBlankAsUndeclaredWriteIn", "cvrFileSources[].treatBlankAsUndeclaredWriteIn");
    }
    return blank;
  }

  /** RCTab lists undeclared write-ins as a contestant when a source (or, before 1.3, the rules) names a label. */
  private static boolean writeInsLabelled(JsonNode root) {
    if (!text(root.path("rules"), "undeclaredWriteInLabel").isBlank()) {
      return true;
    }
    for (JsonNode source : root.path("cvrFileSources")) {
      if (!text(source, "undeclaredWriteInLabel").isBlank()) {
        return true;
      }
    }
    return false;
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() ? value.asString().trim() : "";
  }

  private static String required(JsonNode rules, String field) {
    String value = text(rules, field);
    if (value.isBlank()) {
      throw new TallyException("rules." + field + ": missing; RCTab requires it");
    }
    return value;
  }

  private static boolean flag(JsonNode node, String field, String path) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull() || value.isBoolean()) {
      return value.asBoolean(false);
    }
    String text = value.asString().trim();
    if (text.equals("true") || text.equals("false") || text.isEmpty()) {
      return text.equals("true");
    }
    throw new TallyException(path + ": \"" + text + "\" is not true or false");
  }

  private static long number(JsonNode rules, String field, long min) {
    String value = required(rules, field);
    try {
      long n = Long.parseLong(value);
      if (n >= min) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new TallyException("rules." + field + ": \"" + value + "\" is not a whole number"
        + (min > Long.MIN_VALUE ? " of at least " + min : ""));
  }

  private static long optionalNumber(JsonNode rules, String field, long absent, long min) {
    return text(rules, field).isBlank() ? absent : number(rules, field, min);
  }

  private static int limit(JsonNode rules, String field, String word, int wordValue, int min) {
    String value = required(rules, field);
    if (value.equalsIgnoreCase(word)) {
      return wordValue;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= min) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new TallyException("rules." + field + ": \"" + value + "\" is not supported; use \"" + word
        + "\" or a whole number of at least " + min);
  }

  /** An RCTab contest configuration for {@code contest}, reading the ballot file {@code ballotFile}. */
  public static String write(Contest contest, String ballotFile) {
    IrvRules rules = contest.rules();
    ObjectNode root = JSON.createObjectNode();
    root.put("tabulatorVersion", "2.0.0");
    ObjectNode output = root.putObject("outputSettings");
    output.put("contestName", contest.name());
    output.put("outputDirectory", "output");
    output.put("contestDate", contest.date());
    output.put("contestJurisdiction", contest.jurisdiction());
    output.put("contestOffice", contest.office());
    output.put("tabulateByPrecinct", false);
    output.put("generateCdfJson", false);
    ObjectNode source = root.putArray("cvrFileSources").addObject();
    source.put("filePath", ballotFile);
    source.put("contestId", "");
    source.put("firstVoteColumnIndex", "2");
    source.put("firstVoteRowIndex", "2");
    source.put("idColumnIndex", "1");
    source.put("precinctColumnIndex", "");
    source.put("overvoteDelimiter", "|");
    source.put("provider", "genericCsv");
    source.put("overvoteLabel", "");
    source.put("skippedRankLabel", "");
    source.put("undeclaredWriteInLabel",
        rules.writeInsListed() || rules.blankIsWriteIn() ? RankedBallot.WRITE_IN : "");
    source.put("treatBlankAsUndeclaredWriteIn", rules.blankIsWriteIn());
    var candidates = root.putArray("candidates");
    for (String name : rules.candidates()) {
      candidates.addObject().put("name", name).put("excluded", rules.excluded().contains(name)).putArray("aliases");
    }
    writeRules(root.putObject("rules"), rules);
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }

  private static void writeRules(ObjectNode out, IrvRules rules) {
    out.put("tiebreakMode", rules.tiebreakLabel());
    out.put("overvoteRule", rules.overvoteRule().label());
    out.put("winnerElectionMode", SINGLE_WINNER);
    out.put("randomSeed", rules.randomSeed() == null ? "" : rules.randomSeed().toString());
    out.put("numberOfWinners", "1");
    out.put("decimalPlacesForVoteArithmetic", "4");
    out.put("minimumVoteThreshold", Long.toString(rules.minimumVoteThreshold()));
    out.put("maxSkippedRanksAllowed",
        rules.maxSkippedRanks() == IrvRules.UNLIMITED ? "unlimited" : Integer.toString(rules.maxSkippedRanks()));
    out.put("maxRankingsAllowed", Integer.toString(rules.maxRankings()));
    out.put("nonIntegerWinningThreshold", false);
    out.put("doesFirstRoundDetermineThreshold", rules.firstRoundDeterminesThreshold());
    out.put("hareQuota", false);
    out.put("batchElimination", rules.batchElimination());
    out.put("continueUntilTwoCandidatesRemain", rules.continueUntilTwoCandidatesRemain());
    out.put("stopTabulationEarlyAfterRound",
        rules.stopAfterRound() == IrvRules.UNLIMITED ? "" : Integer.toString(rules.stopAfterRound()));
    out.put("exhaustOnDuplicateCandidate", rules.exhaustOnDuplicateCandidate());
  }
}
