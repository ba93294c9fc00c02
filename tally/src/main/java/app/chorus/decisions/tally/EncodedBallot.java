package app.chorus.decisions.tally;

import java.util.ArrayList;
import java.util.List;

/** A ballot's marked ranks only (blank ranks dropped, ranks past maxRankingsAllowed not read), as option indexes. */
record EncodedBallot(int[] ranks, int[][] marks) {

  static EncodedBallot of(RankedBallot ballot, Contestants contestants, int maxRankings) {
    List<Integer> ranks = new ArrayList<>();
    List<int[]> marks = new ArrayList<>();
    int readable = Math.min(maxRankings, ballot.rankings().size());
    for (int r = 0; r < readable; r++) {
      List<String> cell = ballot.rankings().get(r);
      if (cell.isEmpty()) {
        continue;
      }
      int rank = r + 1;
      if (cell.size() > 1 && cell.contains(RankedBallot.OVERVOTE)) {
        throw new TallyException("ballot " + ballot.id() + ", rank " + rank
            + ": OVERVOTE stands alone in a rank; list the options instead when they are known");
      }
      ranks.add(rank);
      marks.add(cell.stream().mapToInt(m -> contestants.indexOf(m, ballot, rank)).toArray());
    }
    return new EncodedBallot(ranks.stream().mapToInt(Integer::intValue).toArray(), marks.toArray(int[][]::new));
  }

  boolean blank() {
    return ranks.length == 0;
  }

  boolean lastRank(int i) {
    return i == ranks.length - 1;
  }
}
