package app.chorus.decisions.tally;

import java.util.List;

/** A ballot's marked ranks only (blank ranks dropped, ranks past maxRankingsAllowed not read), as option indexes. */
record EncodedBallot(int[] ranks, int[][] marks) {

  private static final List<String> WRITE_IN = List.of(RankedBallot.WRITE_IN);

  static EncodedBallot of(RankedBallot ballot, Contestants contestants, IrvRules rules) {
    List<List<String>> rankings = rules.blankIsWriteIn() ? blanksAsWriteIns(ballot, rules.maxRankings())
        : ballot.rankings();
    int maxRankings = rules.maxRankings();
    int readable = Math.min(maxRankings, rankings.size());
    int marked = 0;
    for (int r = 0; r < readable; r++) {
      marked += rankings.get(r).isEmpty() ? 0 : 1;
    }
    int[] ranks = new int[marked];
    int[][] marks = new int[marked][];
    int i = 0;
    for (int r = 0; r < readable; r++) {
      List<String> cell = rankings.get(r);
      if (!cell.isEmpty()) {
        ranks[i] = r + 1;
        marks[i++] = options(cell, ballot, r + 1, contestants);
      }
    }
    return new EncodedBallot(ranks, marks);
  }

  /** As RCTab's readers do: every blank rank up to the most a ballot may rank becomes an undeclared write-in. */
  private static List<List<String>> blanksAsWriteIns(RankedBallot ballot, int maxRankings) {
    List<List<String>> rankings = new java.util.ArrayList<>(maxRankings);
    for (int r = 0; r < maxRankings; r++) {
      List<String> cell = r < ballot.rankings().size() ? ballot.rankings().get(r) : List.of();
      rankings.add(cell.isEmpty() ? WRITE_IN : cell);
    }
    return rankings;
  }

  private static int[] options(List<String> cell, RankedBallot ballot, int rank, Contestants contestants) {
    if (cell.size() > 1 && cell.contains(RankedBallot.OVERVOTE)) {
      throw new TallyException("ballot " + ballot.id() + ", rank " + rank
          + ": OVERVOTE stands alone in a rank; list the options instead when they are known");
    }
    int[] options = new int[cell.size()];
    for (int m = 0; m < options.length; m++) {
      options[m] = contestants.indexOf(cell.get(m), ballot, rank);
    }
    return options;
  }

  boolean blank() {
    return ranks.length == 0;
  }

  boolean lastRank(int i) {
    return i == ranks.length - 1;
  }
}
