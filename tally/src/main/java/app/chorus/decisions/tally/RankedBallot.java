package app.chorus.decisions.tally;

import java.util.Arrays;
import java.util.List;

/**
 * One ranked ballot as cast: {@code rankings.get(0)} holds what was marked at rank 1, and so on. An empty list is a
 * rank left blank; several options at one rank are an overvote; {@link #OVERVOTE} is an overvote whose options are
 * not known; {@link #WRITE_IN} is an undeclared write-in. An option may appear at several ranks (kept as cast).
 */
public record RankedBallot(String id, List<List<String>> rankings) {

  /** An overvote whose options are not known. */
  public static final String OVERVOTE = "OVERVOTE";
  /** An undeclared write-in, reported as {@link InstantRunoff#WRITE_INS}. */
  public static final String WRITE_IN = "UWI";

  public RankedBallot {
    rankings = rankings.stream().map(List::copyOf).toList();
  }

  /** A ballot with one option (or nothing, for {@code null} or "") at each rank, for tests and simple callers. */
  public static RankedBallot of(String id, String... ranks) {
    return new RankedBallot(id, Arrays.stream(ranks)
        .map(r -> r == null || r.isEmpty() ? List.<String>of() : List.of(r.split("\\|")))
        .toList());
  }
}
