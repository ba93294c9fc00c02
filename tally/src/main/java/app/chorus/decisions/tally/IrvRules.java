package app.chorus.decisions.tally;

import java.util.List;
import java.util.Set;

/**
 * The rules of a single-winner instant-runoff count, named as in RCTab's contest configuration.
 *
 * @param candidates the options in the configured order (the order decides {@code useCandidateOrder} ties)
 * @param excluded options left out of the count
 * @param writeInsListed whether undeclared write-ins are a contestant even when no ballot marks one (RCTab lists them
 *     when a source names an undeclared write-in label); ballots marking {@code UWI} always list them
 * @param blankIsWriteIn RCTab's {@code treatBlankAsUndeclaredWriteIn}: every blank rank up to {@code maxRankings}
 *     is read as an undeclared write-in
 * @param operatorBreaksTies RCTab's {@code stopCountingAndAsk} (with {@code useCandidateOrder} as the mode) or
 *     {@code previousRoundCountsThenAsk} (with {@code previousRoundCountsThenUseCandidateOrder}): a count without a
 *     tie goes ahead, one that needs someone to choose is refused
 * @param maxSkippedRanks {@link #UNLIMITED} for {@code "unlimited"}
 * @param maxRankings ranks beyond this are not read
 * @param minimumVoteThreshold 0 for none
 * @param stopAfterRound {@link #UNLIMITED} to count until there is a winner
 */
public record IrvRules(
    List<String> candidates,
    Set<String> excluded,
    boolean writeInsListed,
    boolean blankIsWriteIn,
    TiebreakMode tiebreakMode,
    Long randomSeed,
    boolean operatorBreaksTies,
    OvervoteRule overvoteRule,
    int maxSkippedRanks,
    int maxRankings,
    boolean exhaustOnDuplicateCandidate,
    boolean batchElimination,
    boolean continueUntilTwoCandidatesRemain,
    long minimumVoteThreshold,
    boolean firstRoundDeterminesThreshold,
    int stopAfterRound) {

  public static final int UNLIMITED = Integer.MAX_VALUE;
  static final String STOP_COUNTING_AND_ASK = "stopCountingAndAsk";
  static final String PREVIOUS_ROUND_COUNTS_THEN_ASK = "previousRoundCountsThenAsk";
  private static final int MOST_RANKS_READ_AS_WRITE_INS = 1000;

  public IrvRules {
    candidates = List.copyOf(candidates);
    excluded = Set.copyOf(excluded);
    if (tiebreakMode.needsSeed() && randomSeed == null) {
      throw new TallyException("randomSeed: tiebreakMode " + tiebreakMode.label()
          + " needs a randomSeed (a whole number); set one in the rules");
    }
    if (blankIsWriteIn && maxRankings > MOST_RANKS_READ_AS_WRITE_INS) {
      throw new TallyException("maxRankingsAllowed: " + maxRankings + " is too many to read every blank rank as a "
          + "write-in (treatBlankAsUndeclaredWriteIn); allow at most " + MOST_RANKS_READ_AS_WRITE_INS);
    }
  }

  /** RCTab's label for how ties are broken. */
  public String tiebreakLabel() {
    if (!operatorBreaksTies) {
      return tiebreakMode.label();
    }
    return tiebreakMode.looksAtPreviousRounds() ? PREVIOUS_ROUND_COUNTS_THEN_ASK : STOP_COUNTING_AND_ASK;
  }

  /** RCTab's suggested rules for these options: candidate-order ties, overvotes exhaust, one skipped rank. */
  public static Builder of(List<String> candidates) {
    return new Builder(candidates);
  }

  /** Sets the rules one by one; unset ones keep RCTab's suggested values. */
  public static final class Builder {
    private final List<String> candidates;
    private Set<String> excluded = Set.of();
    private boolean writeInsListed;
    private boolean blankIsWriteIn;
    private TiebreakMode tiebreakMode = TiebreakMode.USE_CANDIDATE_ORDER;
    private Long randomSeed;
    private boolean operatorBreaksTies;
    private OvervoteRule overvoteRule = OvervoteRule.EXHAUST_IMMEDIATELY;
    private int maxSkippedRanks = 1;
    private int maxRankings;
    private boolean exhaustOnDuplicateCandidate;
    private boolean batchElimination;
    private boolean continueUntilTwo;
    private long minimumVoteThreshold;
    private boolean firstRoundDeterminesThreshold;
    private int stopAfterRound = UNLIMITED;

    private Builder(List<String> candidates) {
      this.candidates = candidates;
      this.maxRankings = candidates.size();
    }

    public Builder excluded(Set<String> value) {
      excluded = value;
      return this;
    }

    public Builder writeInsListed(boolean value) {
      writeInsListed = value;
      return this;
    }

    public Builder blankIsWriteIn(boolean value) {
      blankIsWriteIn = value;
      return this;
    }

    public Builder tiebreak(TiebreakMode mode, Long seed) {
      tiebreakMode = mode;
      randomSeed = seed;
      return this;
    }

    public Builder operatorBreaksTies(boolean value) {
      operatorBreaksTies = value;
      return this;
    }

    public Builder overvoteRule(OvervoteRule value) {
      overvoteRule = value;
      return this;
    }

    public Builder maxSkippedRanks(int value) {
      maxSkippedRanks = value;
      return this;
    }

    public Builder maxRankings(int value) {
      maxRankings = value;
      return this;
    }

    public Builder exhaustOnDuplicateCandidate(boolean value) {
      exhaustOnDuplicateCandidate = value;
      return this;
    }

    public Builder batchElimination(boolean value) {
      batchElimination = value;
      return this;
    }

    public Builder continueUntilTwoCandidatesRemain(boolean value) {
      continueUntilTwo = value;
      return this;
    }

    public Builder minimumVoteThreshold(long value) {
      minimumVoteThreshold = value;
      return this;
    }

    public Builder firstRoundDeterminesThreshold(boolean value) {
      firstRoundDeterminesThreshold = value;
      return this;
    }

    public Builder stopAfterRound(int value) {
      stopAfterRound = value;
      return this;
    }

    public IrvRules build() {
      return new IrvRules(candidates, excluded, writeInsListed, blankIsWriteIn, tiebreakMode, randomSeed,
          operatorBreaksTies, overvoteRule,
          maxSkippedRanks, maxRankings, exhaustOnDuplicateCandidate, batchElimination, continueUntilTwo,
          minimumVoteThreshold, firstRoundDeterminesThreshold, stopAfterRound);
    }
  }
}
