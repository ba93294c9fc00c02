package app.chorus.decisions.tally;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a tie for last place (or, with two options left and no majority, for first) is broken; RCTab's labels. */
public enum TiebreakMode {
  USE_CANDIDATE_ORDER("useCandidateOrder"),
  PREVIOUS_ROUND_COUNTS_THEN_CANDIDATE_ORDER("previousRoundCountsThenUseCandidateOrder"),
  RANDOM("random"),
  PREVIOUS_ROUND_COUNTS_THEN_RANDOM("previousRoundCountsThenRandom"),
  GENERATE_PERMUTATION("generatePermutation");

  private final String label;

  TiebreakMode(String label) {
    this.label = label;
  }

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
    return Arrays.stream(values()).filter(m -> m.label.equals(label)).findFirst()
        .orElseThrow(() -> new TallyException("tiebreakMode: \"" + label + "\" is not supported; use one of "
            + Arrays.stream(values()).map(TiebreakMode::label).collect(Collectors.joining(", "))));
  }
}
