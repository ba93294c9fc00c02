package app.chorus.decisions.tally;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A consent decision, as Loomio's proposal: each person agrees, abstains, disagrees or blocks, and must give a
 * reason to disagree or block. Consent is reached when at least one person took part and nobody blocked;
 * disagreements are shown but do not stop it (Loomio leaves the outcome to the group; Chorus states this rule).
 */
public final class Consent {

  private Consent() {
  }

  public enum Position { AGREE, ABSTAIN, DISAGREE, BLOCK }

  public record Stance(String who, Position position, String reason) {

    public Stance {
      boolean needsReason = position == Position.DISAGREE || position == Position.BLOCK;
      if (needsReason && (reason == null || reason.isBlank())) {
        throw new TallyException("reason: required to " + position.name().toLowerCase() + "; say why");
      }
    }
  }

  /** @param blocks the blocks with their reasons, shown to the decision makers */
  public record Result(Map<Position, Long> counts, boolean consentReached, List<Stance> blocks,
      List<Stance> disagreements) {

    public Result {
      counts = Map.copyOf(counts);
      blocks = List.copyOf(blocks);
      disagreements = List.copyOf(disagreements);
    }
  }

  public static Result count(List<Stance> stances) {
    Map<Position, Long> counts = new EnumMap<>(Position.class);
    for (Position p : Position.values()) {
      counts.put(p, stances.stream().filter(s -> s.position() == p).count());
    }
    List<Stance> blocks = stances.stream().filter(s -> s.position() == Position.BLOCK).toList();
    List<Stance> disagreements = stances.stream().filter(s -> s.position() == Position.DISAGREE).toList();
    return new Result(counts, !stances.isEmpty() && blocks.isEmpty(), blocks, disagreements);
  }
}
