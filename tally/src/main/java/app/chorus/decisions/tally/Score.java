package app.chorus.decisions.tally;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Score voting: each ballot gives options a score from 0 to 5; the mean and the distribution per option. */
public final class Score {

  public static final int MIN = 0;
  public static final int MAX = 5;

  private Score() {
  }

  /**
   * @param mean to 2 decimal places, {@code null} when nobody scored the option
   * @param distribution how many gave each score, index 0 to 5
   */
  public record OptionScore(String option, int scored, BigDecimal mean, List<Integer> distribution) {

    public OptionScore {
      distribution = List.copyOf(distribution);
    }
  }

  /** @param leaders options with the highest mean (several on a tie) */
  public record Result(List<OptionScore> options, List<String> leaders, int ballots) {

    public Result {
      options = List.copyOf(options);
      leaders = List.copyOf(leaders);
    }
  }

  /** Each ballot maps options to scores; an option a ballot leaves out is not scored by it. */
  public static Result count(List<String> options, List<Map<String, Integer>> ballots) {
    Map<String, int[]> distribution = new LinkedHashMap<>();
    options.forEach(o -> distribution.put(o, new int[MAX + 1]));
    for (Map<String, Integer> ballot : ballots) {
      Choices.requireKnownOnce(options, ballot.keySet());
      ballot.forEach((option, score) -> {
        if (score == null || score < MIN || score > MAX) {
          throw new TallyException("score for \"" + option + "\": " + score + " is not from " + MIN + " to " + MAX);
        }
        distribution.get(option)[score]++;
      });
    }
    List<OptionScore> scores = distribution.entrySet().stream().map(e -> score(e.getKey(), e.getValue())).toList();
    Map<String, BigDecimal> means = new LinkedHashMap<>();
    scores.stream().filter(s -> s.mean() != null).forEach(s -> means.put(s.option(), s.mean()));
    return new Result(scores, Choices.leaders(means), ballots.size());
  }

  private static OptionScore score(String option, int[] counts) {
    int scored = 0;
    long sum = 0;
    for (int s = MIN; s <= MAX; s++) {
      scored += counts[s];
      sum += (long) s * counts[s];
    }
    BigDecimal mean = scored == 0 ? null
        : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(scored), 2, RoundingMode.HALF_UP);
    return new OptionScore(option, scored, mean, Arrays.stream(counts).boxed().toList());
  }
}
