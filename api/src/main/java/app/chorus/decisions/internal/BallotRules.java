package app.chorus.decisions.internal;

import app.chorus.decisions.tally.Consent;
import app.chorus.decisions.tally.Score;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a ballot must be for its decision's method; every broken rule named with its field, nothing written. */
final class BallotRules {

    static final int LONGEST_REASON = 2000;

    private BallotRules() {
    }

    static Choice check(Decision decision, BallotRequest ballot) {
        FieldErrors errors = new FieldErrors();
        Set<String> options = Set.copyOf(decision.optionIds());
        onlyFor(ballot, decision, errors);
        Choice choice = switch (decision.method()) {
            case RANKED_IRV, BORDA -> new Choice(ranking(ballot.ranking(), options, errors), null, null, null, null);
            case APPROVAL -> new Choice(null, approvals(ballot.approve(), options, errors), null, null, null);
            case SCORE -> new Choice(null, null, scores(ballot.scores(), options, errors), null, null);
            case CONSENT -> consent(ballot, errors);
        };
        errors.throwIfAny("invalid-ballot", "The ballot");
        return choice;
    }

    private static void onlyFor(BallotRequest ballot, Decision decision, FieldErrors errors) {
        Map<String, Boolean> given = new java.util.LinkedHashMap<>();
        given.put("ranking", ballot.ranking() != null);
        given.put("approve", ballot.approve() != null);
        given.put("scores", ballot.scores() != null);
        given.put("position", ballot.position() != null);
        given.put("reason", ballot.reason() != null);
        Set<String> allowed = switch (decision.method()) {
            case RANKED_IRV, BORDA -> Set.of("ranking");
            case APPROVAL -> Set.of("approve");
            case SCORE -> Set.of("scores");
            case CONSENT -> Set.of("position", "reason");
        };
        given.forEach((field, present) -> {
            if (present && !allowed.contains(field)) {
                errors.add(field, "not-for-method", "A " + decision.method() + " ballot has no '" + field + "'; send "
                    + String.join(" and ", allowed.stream().sorted().toList()) + ".");
            }
        });
    }

    private static List<String> ranking(List<String> ranking, Set<String> options, FieldErrors errors) {
        if (ranking == null || ranking.isEmpty()) {
            errors.add("ranking", "required", "Rank at least one option, best first.");
            return List.of();
        }
        knownOnce("ranking", ranking, options, errors);
        return List.copyOf(ranking);
    }

    private static List<String> approvals(List<String> approve, Set<String> options, FieldErrors errors) {
        if (approve == null) {
            errors.add("approve", "required", "List the options you approve ([] to abstain: that still counts as cast).");
            return List.of();
        }
        knownOnce("approve", approve, options, errors);
        return List.copyOf(approve);
    }

    private static Map<String, Integer> scores(Map<String, Integer> scores, Set<String> options, FieldErrors errors) {
        if (scores == null || scores.isEmpty()) {
            errors.add("scores", "required", "Score at least one option from 0 to 5.");
            return Map.of();
        }
        scores.forEach((option, score) -> {
            if (!options.contains(option)) {
                errors.add("scores." + option, "unknown-option", "'" + option + "' is not an option of this decision.");
            } else if (score == null || score < Score.MIN || score > Score.MAX) {
                errors.add("scores." + option, "range", "A score is a whole number from 0 to 5.");
            }
        });
        return Map.copyOf(scores);
    }

    private static Choice consent(BallotRequest ballot, FieldErrors errors) {
        Consent.Position position = null;
        try {
            position = ballot.position() == null ? null : Consent.Position.valueOf(ballot.position());
        } catch (IllegalArgumentException unknown) {
            errors.add("position", "one-of", "Choose AGREE, ABSTAIN, DISAGREE or BLOCK.");
        }
        if (ballot.position() == null) {
            errors.add("position", "required", "Choose AGREE, ABSTAIN, DISAGREE or BLOCK.");
        }
        String reason = ballot.reason() == null ? null : ballot.reason().strip();
        boolean needsReason = position == Consent.Position.DISAGREE || position == Consent.Position.BLOCK;
        if (needsReason && (reason == null || reason.isEmpty())) {
            errors.add("reason", "required-to-" + position.name().toLowerCase(),
                "Say why you " + position.name().toLowerCase() + ": a reason is required to disagree or block.");
        } else if (reason != null && reason.length() > LONGEST_REASON) {
            errors.add("reason", "too-long", "A reason is at most " + LONGEST_REASON + " characters.");
        }
        return new Choice(null, null, null, position, reason == null || reason.isEmpty() ? null : reason);
    }

    private static void knownOnce(String field, List<String> chosen, Set<String> options, FieldErrors errors) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < chosen.size(); i++) {
            String option = chosen.get(i);
            if (option == null || !options.contains(option)) {
                errors.add(field + "[" + i + "]", "unknown-option", "'" + option + "' is not an option of this decision.");
            } else if (!seen.add(option)) {
                errors.add(field + "[" + i + "]", "duplicate-option", "'" + option + "' is chosen twice; choose each option once.");
            }
        }
    }
}
