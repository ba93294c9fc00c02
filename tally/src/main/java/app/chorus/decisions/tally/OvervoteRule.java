package app.chorus.decisions.tally;

/** What a rank with several options marked does to a ballot; RCTab's labels. */
public enum OvervoteRule implements Labelled {
  EXHAUST_IMMEDIATELY("exhaustImmediately"),
  ALWAYS_SKIP_TO_NEXT_RANK("alwaysSkipToNextRank"),
  EXHAUST_IF_MULTIPLE_CONTINUING("exhaustIfMultipleContinuing");

  private final String label;

  OvervoteRule(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  public static OvervoteRule ofLabel(String label) {
    return Labelled.parse(OvervoteRule.class, "overvoteRule", label);
  }
}
