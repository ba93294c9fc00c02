package app.chorus.decisions.tally;

/** How a tie for last place (or, with two options left and no majority, for first) is broken; RCTab's labels. */
public enum TiebreakMode implements Labelled {
  USE_CANDIDATE_ORDER("useCandidateOrder"),
  PREVIOUS_ROUND_COUNTS_THEN_CANDIDATE_ORDER("previousRoundCountsThenUseCandidateOrder"),
  RANDOM("random"),
  PREVIOUS_ROUND_COUNTS_THEN_RANDOM("previousRoundCountsThenRandom"),
  GENERATE_PERMUTATION("generatePermutation");

  private final String label;

  TiebreakMode(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  boolean needsSeed() {
    return this == RANDOM || this == PREVIOUS_ROUND_COUNTS_THEN_RANDOM || this == GENERATE_PERMUTATION;
  }

  boolean looksAtPreviousRounds() {
    return this == PREVIOUS_ROUND_COUNTS_THEN_CANDIDATE_ORDER || this == PREVIOUS_ROUND_COUNTS_THEN_RANDOM;
  }

  public static TiebreakMode ofLabel(String label) {
    return Labelled.parse(TiebreakMode.class, "tiebreakMode", label);
  }
}
