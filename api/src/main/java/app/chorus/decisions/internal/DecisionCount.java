package app.chorus.decisions.internal;

import app.chorus.decisions.DecisionOutcome;
import app.chorus.decisions.tally.Approval;
import app.chorus.decisions.tally.Borda;
import app.chorus.decisions.tally.Consent;
import app.chorus.decisions.tally.Contest;
import app.chorus.decisions.tally.Explanation;
import app.chorus.decisions.tally.InstantRunoff;
import app.chorus.decisions.tally.IrvResult;
import app.chorus.decisions.tally.RankedBallot;
import app.chorus.decisions.tally.RctabReport;
import app.chorus.decisions.tally.Score;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The full count of a closed decision from its standing ballots, by the {@code tally} module (the code
 * {@code ./chorus tally} runs), with the outcome in plain words and the count in full as JSON.
 */
final class DecisionCount {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DecisionCount() {
    }

    /** A standing ballot as counted: its choice and, for named consent, who cast it. */
    record Counted(String id, Choice choice, String personId) {
    }

    static Decision.StoredResult of(Decision decision, List<Counted> ballots, long eligible, Instant closedAt) {
        List<String> options = decision.optionIds();
        long cast = ballots.size();
        return switch (decision.method()) {
            case RANKED_IRV -> {
                Contest contest = contest(decision);
                IrvResult result = InstantRunoff.count(contest.rules(), ballots.stream()
                    .map(b -> new RankedBallot(b.id(), b.choice().ranking().stream().map(List::of).toList())).toList());
                String words = Explanation.of(result);
                yield stored(decision, result.winner() == null ? List.of() : List.of(result.winner()), result.winner() != null,
                    cast, eligible, words, closedAt, RctabReport.json(contest, result));
            }
            case BORDA -> {
                Borda.Result result = Borda.count(options, ballots.stream().map(b -> b.choice().ranking()).toList());
                yield stored(decision, result.leaders(), true, cast, eligible, borda(decision, result), closedAt, JSON.writeValueAsString(result));
            }
            case APPROVAL -> {
                Approval.Result result = Approval.count(options, ballots.stream().map(b -> new HashSet<>(b.choice().approve()))
                    .map(set -> (java.util.Set<String>) set).toList(), (int) Math.max(eligible, cast), decision.quorum());
                yield stored(decision, result.leaders(), result.stands(), cast, eligible, approval(decision, result), closedAt,
                    JSON.writeValueAsString(result));
            }
            case SCORE -> {
                Score.Result result = Score.count(options, ballots.stream().map(b -> b.choice().scores()).toList());
                yield stored(decision, result.leaders(), true, cast, eligible, score(decision, result), closedAt, JSON.writeValueAsString(result));
            }
            case CONSENT -> {
                Consent.Result result = Consent.count(ballots.stream()
                    .map(b -> new Consent.Stance(b.personId(), b.choice().position(), b.choice().reason())).toList());
                yield stored(decision, List.of(), result.consentReached(), cast, eligible, consent(result), closedAt,
                    JSON.writeValueAsString(result));
            }
        };
    }

    /** The contest an RCTab configuration describes: the options by id, in their listed order, and the chosen rules. */
    static Contest contest(Decision decision) {
        return new Contest(decision.questionText(), decision.closesAt().atZone(BallotCasting.TRUST_ZONE).toLocalDate().toString(),
            "", decision.id(), decision.ranking().irvRules(decision.optionIds()), java.util.Map.of());
    }

    private static Decision.StoredResult stored(Decision decision, List<String> leaders, boolean stands, long cast, long eligible,
                                                String words, Instant closedAt, String detail) {
        return new Decision.StoredResult(new DecisionOutcome(decision.id(), decision.consultationId(), decision.schoolId(),
            decision.questionText(), decision.method(), leaders, stands, cast, eligible, words, closedAt), detail);
    }

    private static String borda(Decision decision, Borda.Result result) {
        if (result.ballots() == 0) {
            return "No ballots were cast.";
        }
        String points = result.points().entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
            .map(e -> label(decision, e.getKey()) + " " + e.getValue()).collect(Collectors.joining(", "));
        return leaders(decision, result.leaders(), "the most points") + " Points from " + result.ballots() + " ballots ("
            + decision.options().size() + " for a first choice, one fewer for each choice after): " + points + ".";
    }

    private static String approval(Decision decision, Approval.Result result) {
        List<String> sentences = new ArrayList<>();
        sentences.add(result.cast() + " of " + result.eligible() + " who could vote cast a ballot (" + result.abstentions()
            + " approving nothing).");
        if (result.quorum() != null) {
            sentences.add(result.stands()
                ? "The quorum of " + percent(result.quorum()) + " was met."
                : "The quorum of " + percent(result.quorum()) + " was not met (turnout " + percent(result.turnout())
                    + "), so the decision does not stand.");
        }
        if (!result.leaders().isEmpty()) {
            sentences.add(leaders(decision, result.leaders(), "the most approvals") + " " + result.approvals().get(result.leaders().get(0))
                + " approved " + (result.leaders().size() == 1 ? "it" : "each") + ".");
        }
        return String.join(" ", sentences);
    }

    private static String score(Decision decision, Score.Result result) {
        if (result.leaders().isEmpty()) {
            return "No option was scored.";
        }
        Score.OptionScore best = result.options().stream().filter(o -> o.option().equals(result.leaders().get(0))).findFirst().orElseThrow();
        return leaders(decision, result.leaders(), "the highest mean score") + " Mean " + best.mean() + " out of 5 from "
            + best.scored() + " scores; " + result.ballots() + " ballots in all.";
    }

    private static String consent(Consent.Result result) {
        long blocks = result.blocks().size();
        if (result.consentReached()) {
            return "Consent was reached: nobody blocked (" + result.counts().get(Consent.Position.AGREE) + " agreed, "
                + result.counts().get(Consent.Position.ABSTAIN) + " abstained, " + result.disagreements().size() + " disagreed).";
        }
        return blocks == 0 ? "Consent was not reached: nobody took part."
            : "Consent was not reached: " + blocks + (blocks == 1 ? " person blocked" : " people blocked")
                + ". A single block stops consent; the reasons are shown to the leaders deciding.";
    }

    private static String leaders(Decision decision, List<String> leaders, String what) {
        List<String> labels = leaders.stream().map(id -> label(decision, id)).toList();
        return labels.size() == 1 ? labels.get(0) + " won with " + what + "."
            : "It is a tie between " + String.join(" and ", labels) + ", with " + what
                + "; the rules break no tie for this method, so the leaders deciding choose between them.";
    }

    private static String label(Decision decision, String optionId) {
        return decision.options().stream().filter(o -> o.id().equals(optionId)).findFirst()
            .map(o -> o.label(Decision.DEFAULT_LANGUAGE)).orElse(optionId);
    }

    private static String percent(java.math.BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
