package app.chorus.decisions.tally;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

/** One instant-runoff count in progress (see {@link InstantRunoff}); follows RCTab's Tabulator round by round. */
final class IrvCount {

  private static final byte COUNTING = 0;
  private static final byte UNDERVOTE = 1;
  private static final byte OVERVOTE = 2;
  private static final byte SKIPPED = 3;
  private static final byte EXHAUSTED = 4;
  private static final byte REPEATED = 5;

  private final IrvRules rules;
  private final Contestants contestants;
  private final Tiebreaker tiebreaker;
  private final EncodedBallot[] ballots;
  private final int[] recipient;
  private final byte[] status;
  private final int[] eliminatedIn;
  private final boolean[] excluded;
  private final int countable;
  private final List<long[]> tallies = new ArrayList<>();
  private final List<long[]> inactive = new ArrayList<>();
  private final List<Long> thresholds = new ArrayList<>();
  private final Map<Integer, List<Integer>> eliminations = new HashMap<>();
  private final Map<Integer, Map<Integer, long[]>> transfers = new HashMap<>();
  private final List<IrvResult.TieBreak> tieBreaks = new ArrayList<>();
  private int winner = -1;
  private int wonIn;
  private int eliminatedCount;
  private int round;

  IrvCount(IrvRules rules, List<RankedBallot> cast) {
    this.rules = rules;
    this.contestants = new Contestants(rules, cast);
    this.tiebreaker = new Tiebreaker(rules, contestants);
    this.ballots = cast.stream().map(b -> EncodedBallot.of(b, contestants, rules))
        .toArray(EncodedBallot[]::new);
    this.recipient = new int[ballots.length];
    Arrays.fill(recipient, -1);
    this.status = new byte[ballots.length];
    this.eliminatedIn = new int[contestants.size()];
    this.excluded = new boolean[contestants.size()];
    for (String name : rules.excluded()) {
      int c = rules.candidates().indexOf(name);
      if (c < 0) {
        throw new TallyException("candidates: \"" + name + "\" is excluded but not a candidate; fix its name");
      }
      excluded[c] = true;
    }
    this.countable = (int) IntStream.range(0, contestants.size()).filter(this::notExcluded).count();
    if (countable == 0) {
      throw new TallyException("candidates: every option is excluded; include at least one");
    }
  }

  IrvResult run() {
    while (shouldContinue()) {
      round++;
      long[] tally = countRound();
      long threshold = threshold(tally);
      thresholds.add(threshold);
      int elected = electedThisRound(tally, threshold);
      if (elected >= 0) {
        winner = elected;
        wonIn = round;
      } else if (winner < 0 || rules.continueUntilTwoCandidatesRemain() && eliminatedCount < countable - 2) {
        eliminate(tally);
      }
    }
    return result();
  }

  private boolean shouldContinue() {
    if (round >= rules.stopAfterRound()) {
      return false;
    }
    if (rules.continueUntilTwoCandidatesRemain()) {
      int decided = eliminatedCount + (winner >= 0 ? 1 : 0);
      return decided + 1 < countable || eliminations.containsKey(round);
    }
    return winner < 0;
  }

  private boolean notExcluded(int c) {
    return !excluded[c];
  }

  private boolean continuing(int c) {
    return notExcluded(c) && eliminatedIn[c] == 0 && (c != winner || rules.continueUntilTwoCandidatesRemain());
  }

  // ---- one round: where every ballot counts ----

  private long[] countRound() {
    long[] tally = new long[contestants.size()];
    long[] out = new long[REPEATED + 1];
    for (int b = 0; b < ballots.length; b++) {
      if (status[b] == COUNTING && !(recipient[b] >= 0 && continuing(recipient[b]))) {
        allocate(b);
      }
      if (status[b] == COUNTING) {
        tally[recipient[b]]++;
      } else {
        out[status[b]]++;
      }
    }
    IntStream.range(0, tally.length).filter(c -> !continuing(c)).forEach(c -> tally[c] = -1);
    tallies.add(tally);
    inactive.add(out);
    return tally;
  }

  private void allocate(int b) {
    EncodedBallot ballot = ballots[b];
    if (ballot.blank()) {
      settle(b, -1, UNDERVOTE);
      return;
    }
    int lastRankSeen = 0;
    Set<Integer> seen = rules.exhaustOnDuplicateCandidate() ? new HashSet<>() : null;
    for (int i = 0; i < ballot.ranks().length; i++) {
      int rank = ballot.ranks()[i];
      int[] marks = ballot.marks()[i];
      if (rules.maxSkippedRanks() != IrvRules.UNLIMITED && rank - lastRankSeen > rules.maxSkippedRanks() + 1) {
        settle(b, -1, SKIPPED);
        return;
      }
      lastRankSeen = rank;
      if (seen != null && repeats(marks, seen)) {
        settle(b, -1, REPEATED);
        return;
      }
      Overvote decision = overvote(marks, ballot, rank);
      if (decision == Overvote.EXHAUST) {
        settle(b, -1, OVERVOTE);
        return;
      }
      if (decision == Overvote.NONE) {
        for (int c : marks) {
          if (continuing(c)) {
            settle(b, c, COUNTING);
            return;
          }
        }
      }
      if (ballot.lastRank(i)) {
        settle(b, -1, EXHAUSTED);
      }
    }
  }

  private static boolean repeats(int[] marks, Set<Integer> seen) {
    for (int c : marks) {
      if (!seen.add(c)) {
        return true;
      }
    }
    return false;
  }

  private enum Overvote { NONE, EXHAUST, SKIP }

  private Overvote overvote(int[] marks, EncodedBallot ballot, int rank) {
    OvervoteRule rule = rules.overvoteRule();
    if (marks[0] == Contestants.OVERVOTE) {
      if (rule == OvervoteRule.EXHAUST_IF_MULTIPLE_CONTINUING) {
        throw new TallyException("overvoteRule: exhaustIfMultipleContinuing needs to know the options of every "
            + "overvote, but a ballot has OVERVOTE at rank " + rank + "; use exhaustImmediately or alwaysSkipToNextRank");
      }
      return rule == OvervoteRule.EXHAUST_IMMEDIATELY ? Overvote.EXHAUST : Overvote.SKIP;
    }
    if (marks.length <= 1) {
      return Overvote.NONE;
    }
    return switch (rule) {
      case EXHAUST_IMMEDIATELY -> Overvote.EXHAUST;
      case ALWAYS_SKIP_TO_NEXT_RANK -> Overvote.SKIP;
      case EXHAUST_IF_MULTIPLE_CONTINUING ->
          Arrays.stream(marks).filter(this::continuing).count() > 1 ? Overvote.EXHAUST : Overvote.NONE;
    };
  }

  /** Moves ballot {@code b} to option {@code to} (or out of the count), recording the transfer from a loser. */
  private void settle(int b, int to, byte cause) {
    int from = recipient[b];
    if (from >= 0) {
      long[] row = transfers.computeIfAbsent(round, r -> new HashMap<>())
          .computeIfAbsent(from, f -> new long[contestants.size() + 1]);
      row[to >= 0 ? to : contestants.size()]++;
    }
    recipient[b] = to;
    status[b] = cause;
  }

  // ---- the threshold and the winner ----

  private long threshold(long[] tally) {
    boolean fixed = rules.firstRoundDeterminesThreshold() || rules.continueUntilTwoCandidatesRemain() && winner >= 0;
    if (fixed && round > 1) {
      return thresholds.get(round - 2);
    }
    long active = Arrays.stream(tally).filter(v -> v > 0).sum();
    return Math.max(active / 2 + 1, rules.minimumVoteThreshold());
  }

  private int electedThisRound(long[] tally, long threshold) {
    if (contestants.writeIns >= 0 && tally[contestants.writeIns] > 0) {
      return -1;
    }
    List<Integer> standing = inTally(tally);
    List<Integer> selected = new ArrayList<>();
    boolean seatOpen = winner < 0;
    if (seatOpen) {
      if (standing.size() <= 1) {
        selected.addAll(standing);
      } else if (rules.firstRoundDeterminesThreshold() && standing.size() == 2) {
        selected.addAll(withVotes(standing, tally, max(standing, tally)));
      } else {
        standing.stream().filter(c -> tally[c] >= threshold && c != contestants.writeIns).forEach(selected::add);
      }
    }
    boolean tooMany = selected.size() > 1 && rules.firstRoundDeterminesThreshold();
    boolean noneOfTwo = selected.isEmpty() && seatOpen && standing.size() == 2
        && standing.stream().allMatch(c -> tally[c] >= rules.minimumVoteThreshold());
    if (tooMany || noneOfTwo) {
      long most = max(standing, tally);
      selected = withVotes(standing, tally, most);
      if (selected.size() > 1) {
        return breakTie(selected, true, most);
      }
    }
    return selected.isEmpty() ? -1 : selected.get(0);
  }

  // ---- elimination ----

  private void eliminate(long[] tally) {
    List<Integer> standing = inTally(tally);
    List<Integer> out = new ArrayList<>();
    if (contestants.writeIns >= 0 && tally[contestants.writeIns] > 0) {
      out.add(contestants.writeIns);
    }
    if (out.isEmpty()) {
      out = belowMinimum(standing, tally);
    }
    if (out.isEmpty() && rules.batchElimination()) {
      out = batch(standing, tally);
    }
    if (out.isEmpty()) {
      long fewest = standing.stream().mapToLong(c -> tally[c]).min().orElseThrow();
      List<Integer> last = withVotes(standing, tally, fewest);
      out = List.of(last.size() > 1 ? breakTie(last, false, fewest) : last.get(0));
    }
    for (int c : out) {
      eliminatedIn[c] = round;
    }
    eliminatedCount += out.size();
    eliminations.put(round, out);
  }

  private List<Integer> belowMinimum(List<Integer> standing, long[] tally) {
    long minimum = rules.minimumVoteThreshold();
    List<Integer> below = byVotes(standing, tally).stream().filter(c -> tally[c] < minimum).toList();
    if (minimum > 0 && below.size() == contestants.declared) {
      throw new TallyException("minimumVoteThreshold: every option has fewer than " + minimum
          + " votes, so nobody can win; lower minimumVoteThreshold");
    }
    return minimum > 0 ? below : List.of();
  }

  /** RCTab's batch elimination: everyone whose combined votes cannot overtake the next option up. */
  private List<Integer> batch(List<Integer> standing, long[] tally) {
    TreeMap<Long, List<Integer>> groups = new TreeMap<>();
    standing.forEach(c -> groups.computeIfAbsent(tally[c], v -> new ArrayList<>()).add(c));
    long running = 0;
    List<Integer> seen = new ArrayList<>();
    List<Integer> chosen = new ArrayList<>();
    List<Integer> previous = new ArrayList<>();
    for (Map.Entry<Long, List<Integer>> group : groups.entrySet()) {
      if (running < group.getKey() && seen.size() > chosen.size()) {
        previous = chosen;
        chosen = new ArrayList<>(seen);
      }
      running += group.getKey() * group.getValue().size();
      seen.addAll(group.getValue());
    }
    if (rules.continueUntilTwoCandidatesRemain() && chosen.size() + eliminatedCount == countable - 1) {
      chosen = previous;
    }
    return chosen.size() > 1 ? chosen : List.of();
  }

  private int breakTie(List<Integer> tied, boolean forWinner, long votes) {
    IrvResult.TieBreak tie = tiebreaker.choose(tied, forWinner, round, votes, tallies);
    tieBreaks.add(tie);
    return Arrays.asList(contestants.names).indexOf(tie.chosen());
  }

  private List<Integer> inTally(long[] tally) {
    return IntStream.range(0, tally.length).filter(c -> tally[c] >= 0).boxed().toList();
  }

  private static List<Integer> byVotes(List<Integer> standing, long[] tally) {
    return standing.stream().sorted(Comparator.comparingLong(c -> tally[c])).toList();
  }

  private static long max(List<Integer> standing, long[] tally) {
    return standing.stream().mapToLong(c -> tally[c]).max().orElse(0);
  }

  private static List<Integer> withVotes(List<Integer> standing, long[] tally, long votes) {
    return standing.stream().filter(c -> tally[c] == votes).toList();
  }

  // ---- the result ----

  private IrvResult result() {
    List<IrvResult.Round> rounds = new ArrayList<>();
    for (int r = 1; r <= round; r++) {
      rounds.add(roundResult(r));
    }
    long undervotes = inactive.isEmpty() ? 0 : inactive.get(0)[UNDERVOTE];
    return new IrvResult(rounds, winner >= 0 ? contestants.names[winner] : null, ballots.length, undervotes,
        tieBreaks, rules.tiebreakMode(), rules.tiebreakMode().needsSeed() ? rules.randomSeed() : null);
  }

  private IrvResult.Round roundResult(int r) {
    long[] tally = tallies.get(r - 1);
    Map<String, Long> votes = new LinkedHashMap<>();
    for (int c = 0; c < tally.length; c++) {
      if (tally[c] >= 0) {
        votes.put(contestants.names[c], tally[c]);
      }
    }
    List<Integer> out = eliminations.getOrDefault(r, List.of());
    Map<String, Map<String, Long>> moved = new HashMap<>();
    for (int c : out) {
      moved.put(contestants.names[c], transferred(r + 1, c));
    }
    long[] gone = inactive.get(r - 1);
    return new IrvResult.Round(r, votes, thresholds.get(r - 1), out.stream().map(c -> contestants.names[c]).toList(),
        wonIn == r && winner >= 0 ? contestants.names[winner] : null, moved,
        new IrvResult.InactiveBallots(gone[OVERVOTE], gone[SKIPPED], gone[EXHAUSTED], gone[REPEATED]));
  }

  private Map<String, Long> transferred(int inRound, int from) {
    long[] row = transfers.getOrDefault(inRound, Map.of()).get(from);
    Map<String, Long> to = new LinkedHashMap<>();
    if (row != null) {
      for (int t = 0; t < row.length; t++) {
        if (row[t] > 0) {
          to.put(t < contestants.size() ? contestants.names[t] : IrvResult.Round.EXHAUSTED, row[t]);
        }
      }
    }
    return to;
  }
}
