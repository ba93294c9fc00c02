package app.chorus.decisions.internal;

import app.chorus.decisions.Method;
import app.chorus.directory.AudienceRole;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** What a decision must be to be created: each broken rule named with its field. */
final class DecisionRules {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    static final int MOST_OPTIONS = 50;

    private DecisionRules() {
    }

    static void check(DecisionDraft draft, Instant now) {
        FieldErrors errors = new FieldErrors();
        if (draft.question() == null || blank(draft.question().get(Decision.DEFAULT_LANGUAGE))
            || draft.question().get(Decision.DEFAULT_LANGUAGE).length() > 300) {
            errors.add("question.en", "required", "Give the question in English (1-300 characters).");
        }
        if (draft.method() == null) {
            errors.add("method", "required", "Choose APPROVAL, SCORE, CONSENT, RANKED_IRV or BORDA.");
        }
        options(draft, errors);
        if (draft.audience() == null || draft.audience().roles().isEmpty()) {
            errors.add("audience", "required", "Say who may vote: a scope and at least one role.");
        }
        if (draft.ballotUnit() == null) {
            errors.add("ballotUnit", "required", "Choose PER_PERSON, PER_CHILD or PER_CHILD_PARENTS_AND_GUARDIANS.");
        } else if (draft.ballotUnit().perChild() && draft.audience() != null
            && !draft.audience().roles().contains(AudienceRole.CARERS)) {
            errors.add("ballotUnit", "per-child-needs-carers", draft.ballotUnit() + " ballots are cast by carers: add CARERS to the audience.");
        }
        if (draft.anonymity() == null) {
            errors.add("anonymity", "required", "Choose NAMED, CONFIDENTIAL or ANONYMOUS.");
        }
        times(draft, now, errors);
        methodRules(draft, errors);
        errors.throwIfAny("invalid-decision", "The decision");
    }

    private static void options(DecisionDraft draft, FieldErrors errors) {
        if (draft.method() == Method.CONSENT) {
            if (draft.options() != null && !draft.options().isEmpty()) {
                errors.add("options", "not-for-consent", "A consent vote has no options: people agree, abstain, disagree or block.");
            }
            return;
        }
        List<DecisionOption> options = draft.options();
        if (options == null || options.size() < 2 || options.size() > MOST_OPTIONS) {
            errors.add("options", "count", "Give 2 to " + MOST_OPTIONS + " options.");
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            DecisionOption option = options.get(i);
            if (option == null || option.id() == null || !ID.matcher(option.id()).matches()) {
                errors.add("options[" + i + "].id", "format", "An option id is 1-40 letters, digits, '-' or '_'.");
            } else if (!ids.add(option.id())) {
                errors.add("options[" + i + "].id", "unique", "Option id '" + option.id() + "' is used twice.");
            }
            if (option != null && blank(option.label().get(Decision.DEFAULT_LANGUAGE))) {
                errors.add("options[" + i + "].label.en", "required", "Give every option an English label.");
            }
        }
    }

    private static void times(DecisionDraft draft, Instant now, FieldErrors errors) {
        if (draft.closesAt() == null) {
            errors.add("closesAt", "required", "Say when the vote closes.");
        } else if (!draft.closesAt().isAfter(now)) {
            errors.add("closesAt", "in-the-future", "closesAt is already past: choose a later time.");
        } else if (draft.opensAt() != null && !draft.closesAt().isAfter(draft.opensAt())) {
            errors.add("closesAt", "after-opensAt", "closesAt must be after opensAt.");
        }
    }

    private static void methodRules(DecisionDraft draft, FieldErrors errors) {
        BigDecimal quorum = draft.quorum();
        if (quorum != null && draft.method() != Method.APPROVAL) {
            errors.add("quorum", "approval-only", "A quorum applies to APPROVAL decisions only.");
        } else if (quorum != null && (quorum.signum() <= 0 || quorum.compareTo(BigDecimal.ONE) > 0)) {
            errors.add("quorum", "share", "A quorum is a share of those eligible, above 0 and at most 1 (0.5 = half).");
        }
        if (draft.ranking() != null && draft.method() != Method.RANKED_IRV) {
            errors.add("ranking", "irv-only", "Ranking rules apply to RANKED_IRV decisions only.");
        }
        if (draft.method() == Method.RANKED_IRV && draft.ranking() != null && draft.ranking().tiebreak() == null) {
            errors.add("ranking.tiebreak", "required", "Choose how ties are broken (an RCTab tiebreakMode).");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
