package app.chorus.decisions.tally;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of an instant-runoff count, round by round, in the terms of RCTab's detailed report.
 *
 * @param winner {@code null} when the count stopped early ({@code stopTabulationEarlyAfterRound})
 * @param totalBallots every ballot, undervotes included
 * @param undervotes ballots with nothing marked: neither active nor inactive
 * @param tieBreaks every tie broken, in order
 * @param randomSeed the seed of the draw, when the rules draw lots
 */
public record IrvResult(
    List<Round> rounds,
    String winner,
    long totalBallots,
    long undervotes,
    List<TieBreak> tieBreaks,
    TiebreakMode tiebreakMode,
    Long randomSeed) {

  public IrvResult {
    rounds = List.copyOf(rounds);
    tieBreaks = List.copyOf(tieBreaks);
  }

  /**
   * One round: the votes of every continuing option, the threshold to win, what was decided, and the ballots that
   * no longer count (cumulative, by cause).
   *
   * @param eliminated in the order they were eliminated (several with batch elimination)
   * @param elected {@code null} unless someone won this round
   * @param transfers for each option eliminated this round, where its ballots went ({@link #EXHAUSTED} when they
   *     stopped counting)
   */
  public record Round(
      int number,
      Map<String, Long> tally,
      long threshold,
      List<String> eliminated,
      String elected,
      Map<String, Map<String, Long>> transfers,
      InactiveBallots inactive) {

    public static final String EXHAUSTED = "exhausted";

    public Round {
      tally = Collections.unmodifiableMap(new LinkedHashMap<>(tally));
      eliminated = List.copyOf(eliminated);
      transfers = Map.copyOf(transfers);
    }

    public long activeBallots() {
      return tally.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** Ballots that stopped counting, by cause, as RCTab reports them. */
  public record InactiveBallots(long overvotes, long skippedRankings, long exhaustedChoices, long repeatedRankings) {

    public long total() {
      return overvotes + skippedRankings + exhaustedChoices + repeatedRankings;
    }
  }

  /**
   * A tie and how it was broken.
   *
   * @param forWinner true when choosing the winner of the last two, false when choosing whom to eliminate
   * @param reason the rule that decided, in words
   */
  public record TieBreak(int round, List<String> tied, long votes, String chosen, boolean forWinner, String reason) {

    public TieBreak {
      tied = List.copyOf(tied);
    }
  }
}
