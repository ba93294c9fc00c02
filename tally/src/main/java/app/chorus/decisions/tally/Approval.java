package app.chorus.decisions.tally;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Approval voting (a yes/no vote is approval over "yes" and "no" with one choice per ballot), with an optional quorum:
 * the decision stands only if at least that share of the eligible cast a ballot. An abstention is a ballot that
 * approves nothing: it counts as cast.
 */
public final class Approval {

  private Approval() {
  }

  /**
   * @param approvals per option, in the options' order
   * @param leaders the most approved options (several on a tie; none when nobody approved anything)
   * @param turnout cast / eligible, to 4 decimal places
   * @param quorum the share required, {@code null} for none
   * @param stands true when there is no quorum or it was met
   */
  public record Result(Map<String, Long> approvals, List<String> leaders, int cast, int abstentions, int eligible,
      BigDecimal turnout, BigDecimal quorum, boolean stands) {

    public Result {
      approvals = Collections.unmodifiableMap(new LinkedHashMap<>(approvals));
      leaders = List.copyOf(leaders);
    }
  }

  /**
   * @param ballots the options each ballot approves; an empty set is an abstention
   * @param quorum share of {@code eligible} who must cast a ballot, between 0 and 1, or {@code null}
   */
  public static Result count(List<String> options, List<Set<String>> ballots, int eligible, BigDecimal quorum) {
    if (eligible < ballots.size()) {
      throw new TallyException("eligible: " + eligible + " is fewer than the " + ballots.size() + " ballots cast");
    }
    if (quorum != null && (quorum.signum() < 0 || quorum.compareTo(BigDecimal.ONE) > 0)) {
      throw new TallyException("quorum: " + quorum + " is not a share between 0 and 1");
    }
    Map<String, Long> approvals = new LinkedHashMap<>();
    options.forEach(o -> approvals.put(o, 0L));
    int abstentions = 0;
    for (Set<String> ballot : ballots) {
      Choices.requireKnownOnce(options, ballot);
      ballot.forEach(o -> approvals.merge(o, 1L, Long::sum));
      abstentions += ballot.isEmpty() ? 1 : 0;
    }
    int cast = ballots.size();
    BigDecimal turnout = eligible == 0 ? BigDecimal.ZERO
        : BigDecimal.valueOf(cast).divide(BigDecimal.valueOf(eligible), 4, RoundingMode.DOWN);
    // compared exactly (cast >= quorum * eligible), not through the rounded turnout
    boolean met = quorum == null || BigDecimal.valueOf(cast).compareTo(quorum.multiply(BigDecimal.valueOf(eligible))) >= 0;
    List<String> leaders = approvals.values().stream().allMatch(v -> v == 0) ? List.of() : Choices.leaders(approvals);
    return new Result(approvals, leaders, cast, abstentions, eligible, turnout, quorum, met);
  }
}
