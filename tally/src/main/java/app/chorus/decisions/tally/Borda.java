package app.chorus.decisions.tally;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Borda count as Loomio scores a ranked-choice poll: of n options, the first choice gets n points, the second n - 1,
 * and so on; options a ballot leaves unranked get nothing.
 */
public final class Borda {

  private Borda() {
  }

  /**
   * @param points per option, in the options' order
   * @param leaders the options with the most points (several on a tie)
   */
  public record Result(Map<String, Long> points, List<String> leaders, int ballots) {

    public Result {
      points = Collections.unmodifiableMap(new LinkedHashMap<>(points));
      leaders = List.copyOf(leaders);
    }
  }

  /** Each ballot lists options, most preferred first, each at most once. */
  public static Result count(List<String> options, List<List<String>> ballots) {
    Map<String, Long> points = new LinkedHashMap<>();
    options.forEach(o -> points.put(o, 0L));
    int n = options.size();
    for (List<String> ranking : ballots) {
      Choices.requireKnownOnce(options, ranking);
      for (int i = 0; i < ranking.size(); i++) {
        points.merge(ranking.get(i), (long) (n - i), Long::sum);
      }
    }
    return new Result(points, Choices.leaders(points), ballots.size());
  }
}
