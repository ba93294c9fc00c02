package app.chorus.decisions.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OtherMethodsCountTests {

  private static final List<String> OPTIONS = List.of("Fund library", "Fund garden", "Fund trip");

  @Test
  void bordaGivesTheFirstOfNOptionsNPoints() {
    Borda.Result result = Borda.count(OPTIONS, List.of(
        List.of("Fund garden", "Fund library", "Fund trip"),
        List.of("Fund library", "Fund garden"),
        List.of("Fund trip")));

    assertThat(result.points().keySet()).containsExactlyElementsOf(OPTIONS);
    assertThat(result.points()).containsEntry("Fund library", 5L).containsEntry("Fund garden", 5L)
        .containsEntry("Fund trip", 4L);
    assertThat(result.leaders()).containsExactly("Fund library", "Fund garden");
    assertThatThrownBy(() -> Borda.count(OPTIONS, List.of(List.of("Fund trip", "Fund trip"))))
        .isInstanceOf(TallyException.class).hasMessageContaining("chosen twice");
  }

  @Test
  void aQuorumIsMetWhenEnoughOfTheEligibleCastABallotAbstentionsIncluded() {
    List<Set<String>> ballots = List.of(Set.of("yes"), Set.of("yes"), Set.of("no"), Set.of());

    Approval.Result met = Approval.count(List.of("yes", "no"), ballots, 8, new BigDecimal("0.5"));
    Approval.Result notMet = Approval.count(List.of("yes", "no"), ballots, 9, new BigDecimal("0.5"));

    assertThat(met.stands()).isTrue();
    assertThat(met.cast()).isEqualTo(4);
    assertThat(met.abstentions()).isEqualTo(1);
    assertThat(met.approvals()).containsEntry("yes", 2L).containsEntry("no", 1L);
    assertThat(met.leaders()).containsExactly("yes");
    assertThat(notMet.stands()).isFalse();
    assertThat(notMet.turnout()).isEqualByComparingTo("0.4444");
    assertThat(Approval.count(List.of("yes", "no"), ballots, 9, null).stands()).isTrue();
  }

  @Test
  void scoresGiveAMeanAndADistributionPerOption() {
    Score.Result result = Score.count(OPTIONS, List.of(
        Map.of("Fund library", 5, "Fund garden", 2),
        Map.of("Fund library", 4, "Fund garden", 0),
        Map.of("Fund library", 4)));

    Score.OptionScore library = result.options().get(0);
    assertThat(library.mean()).isEqualByComparingTo("4.33");
    assertThat(library.distribution()).containsExactly(0, 0, 0, 0, 2, 1);
    assertThat(result.options().get(1).mean()).isEqualByComparingTo("1.00");
    assertThat(result.options().get(2).mean()).isNull();
    assertThat(result.leaders()).containsExactly("Fund library");
    assertThatThrownBy(() -> Score.count(OPTIONS, List.of(Map.of("Fund trip", 6))))
        .isInstanceOf(TallyException.class).hasMessageContaining("not from 0 to 5");
  }

  @Test
  void oneBlockMeansNoConsentAndItsReasonIsShown() {
    Consent.Result result = Consent.count(List.of(
        new Consent.Stance("carer.one", Consent.Position.AGREE, null),
        new Consent.Stance("carer.two", Consent.Position.DISAGREE, "Too costly"),
        new Consent.Stance("teacher", Consent.Position.BLOCK, "Unsafe for year 1"),
        new Consent.Stance("head", Consent.Position.ABSTAIN, "")));

    assertThat(result.consentReached()).isFalse();
    assertThat(result.blocks()).extracting(Consent.Stance::reason).containsExactly("Unsafe for year 1");
    assertThat(result.counts()).containsEntry(Consent.Position.AGREE, 1L).containsEntry(Consent.Position.BLOCK, 1L);
    assertThat(Consent.count(List.of(new Consent.Stance("a", Consent.Position.DISAGREE, "no"))).consentReached())
        .isTrue();
    assertThatThrownBy(() -> new Consent.Stance("b", Consent.Position.BLOCK, " "))
        .isInstanceOf(TallyException.class).hasMessageContaining("reason");
  }
}
