package app.chorus.decisions.tally;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a rank with several options marked does to a ballot; RCTab's labels. */
public enum OvervoteRule {
  EXHAUST_IMMEDIATELY("exhaustImmediately"),
  ALWAYS_SKIP_TO_NEXT_RANK("alwaysSkipToNextRank"),
  EXHAUST_IF_MULTIPLE_CONTINUING("exhaustIfMultipleContinuing");

  private final String label;

  OvervoteRule(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static OvervoteRule ofLabel(String label) {
    return Arrays.stream(values()).filter(r -> r.label.equals(label)).findFirst()
        .orElseThrow(() -> new TallyException("overvoteRule: \"" + label + "\" is not supported; use one of "
            + Arrays.stream(values()).map(OvervoteRule::label).collect(Collectors.joining(", "))));
  }
}
