package app.chorus.decisions.tally;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks shared by the methods that take a set or list of options per ballot. */
final class Choices {

  private Choices() {
  }

  static void requireKnownOnce(List<String> options, Collection<String> chosen) {
    Set<String> seen = new HashSet<>();
    for (String option : chosen) {
      if (!options.contains(option)) {
        throw new TallyException("option \"" + option + "\" is not one of " + options);
      }
      if (!seen.add(option)) {
        throw new TallyException("option \"" + option + "\" is chosen twice on one ballot; choose it once");
      }
    }
  }

  static <N extends Comparable<N>> List<String> leaders(Map<String, N> values) {
    N best = values.values().stream().max(Comparable::compareTo).orElse(null);
    return values.entrySet().stream().filter(e -> best != null && e.getValue().compareTo(best) == 0)
        .map(Map.Entry::getKey).toList();
  }
}
