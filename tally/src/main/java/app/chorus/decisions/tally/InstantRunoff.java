package app.chorus.decisions.tally;

import java.util.List;

/**
 * Single-winner instant runoff counted as RCTab counts it: each round every ballot counts for its highest-ranked
 * continuing option; the threshold is floor(active / 2) + 1; undeclared write-ins go first and nobody wins while they
 * hold votes; otherwise the lowest option (or a batch of hopeless ones) is eliminated, ties broken by the rules.
 */
public final class InstantRunoff {

  /** How RCTab names undeclared write-ins in its reports. */
  public static final String WRITE_INS = "Undeclared Write-ins";

  private InstantRunoff() {
  }

  public static IrvResult count(IrvRules rules, List<RankedBallot> ballots) {
    return new IrvCount(rules, ballots).run();
  }
}
