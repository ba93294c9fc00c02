package app.chorus.decisions.tally;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Writes test ballots as text: "A,B|C,,D" is A at rank 1, B and C at rank 2, nothing at 3, D at 4. */
final class Ballots {

  private final List<RankedBallot> ballots = new ArrayList<>();

  static Ballots of() {
    return new Ballots();
  }

  Ballots times(int n, String row) {
    for (int i = 0; i < n; i++) {
      ballots.add(RankedBallot.of("b" + (ballots.size() + 1), Arrays.stream(row.split(",", -1))
          .map(String::trim).toArray(String[]::new)));
    }
    return this;
  }

  Ballots add(String... rows) {
    Arrays.stream(rows).forEach(r -> times(1, r));
    return this;
  }

  List<RankedBallot> list() {
    return List.copyOf(ballots);
  }

  static IrvResult count(IrvRules rules, Ballots ballots) {
    return InstantRunoff.count(rules, ballots.list());
  }
}
