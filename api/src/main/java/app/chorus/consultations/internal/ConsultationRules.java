package app.chorus.consultations.internal;

import java.util.List;

/** What a consultation must state before it is created; each refusal names the field and the rule. */
final class ConsultationRules {

    private ConsultationRules() {
    }

    static void requireValid(ConsultationDraft draft) {
        if (draft.defaultLanguage() == null || draft.defaultLanguage().isBlank()) {
            throw Problems.invalid("defaultLanguage", "required", "Give defaultLanguage, the trust's default language tag (e.g. \"en\").");
        }
        if (draft.translations() == null || !draft.translations().containsKey(draft.defaultLanguage())) {
            throw Problems.invalid("translations", "default-language-missing",
                "Give the title, question and body in the default language '" + draft.defaultLanguage() + "'.");
        }
        draft.translations().forEach((language, text) -> {
            String field = "translations." + language;
            if (text == null || blank(text.title()) || text.title().length() > 200) {
                throw Problems.invalid(field + ".title", "length-1-200", "Give a title of 1-200 characters.");
            }
            if (blank(text.question()) || text.question().length() > 500) {
                throw Problems.invalid(field + ".question", "length-1-500", "Give the question you ask, 1-500 characters.");
            }
            if (text.body() != null && text.body().length() > 20_000) {
                throw Problems.invalid(field + ".body", "length-at-most-20000", "Keep the background under 20,000 characters.");
            }
        });
        requireDecider(draft.decider());
        if (draft.audience() == null || draft.audience().roles().isEmpty()) {
            throw Problems.invalid("audience", "required", "Give an audience with a scope and at least one role.");
        }
        requireTimetable(draft);
        if (draft.supportThreshold() != null && draft.supportThreshold() < 1) {
            throw Problems.invalid("supportThreshold", "at-least-1", "A support threshold is at least 1, or leave it out.");
        }
        requireAdaptation(draft);
    }

    private static void requireDecider(Decider decider) {
        if (decider == null) {
            throw Problems.invalid("decider", "required", "State who decides and how (advisory, or binding with a method).");
        }
        if (decider.binding() && decider.method() == null) {
            throw Problems.invalid("decider.method", "required-when-binding", "A binding vote names its method.");
        }
        if (!decider.binding() && blank(decider.decidedBy())) {
            throw Problems.invalid("decider.decidedBy", "required-when-advisory", "Say who takes the decision.");
        }
    }

    private static void requireTimetable(ConsultationDraft draft) {
        List<PhasePlan> phases = draft.phases();
        if (phases == null || phases.isEmpty()) {
            throw Problems.invalid("phases", "required", "Give at least one phase with its start.");
        }
        for (int i = 0; i < phases.size(); i++) {
            PhasePlan plan = phases.get(i);
            if (plan == null || plan.phase() == null || plan.startsAt() == null) {
                throw Problems.invalid("phases[" + i + "]", "phase-and-start-required", "Each phase names its phase and startsAt.");
            }
            if (i > 0 && plan.phase().ordinal() <= phases.get(i - 1).phase().ordinal()) {
                throw Problems.invalid("phases[" + i + "].phase", "phase-timetable-out-of-order",
                    "Phases go ideas, deliberation, decision, outcome, review, each at most once; leave out those that do not apply.");
            }
            if (i > 0 && !plan.startsAt().isAfter(phases.get(i - 1).startsAt())) {
                throw Problems.invalid("phases[" + i + "].startsAt", "phase-timetable-out-of-order",
                    "Each phase starts after the one before it.");
            }
        }
        if (draft.endsAt() != null && !draft.endsAt().isAfter(phases.get(phases.size() - 1).startsAt())) {
            throw Problems.invalid("endsAt", "phase-timetable-out-of-order", "The consultation ends after its last phase starts.");
        }
    }

    private static void requireAdaptation(ConsultationDraft draft) {
        Adaptation adaptation = draft.adaptation();
        if (adaptation == null || !adaptation.adaptable()) {
            return;
        }
        if (draft.schoolId() != null) {
            throw Problems.invalid("adaptation", "trust-wide-only", "Only trust-wide consultations are adapted by schools.");
        }
        if (adaptation.closingFrom() == null || adaptation.closingUntil() == null
            || adaptation.closingUntil().isBefore(adaptation.closingFrom())) {
            throw Problems.invalid("adaptation.closingUntil", "window-out-of-order",
                "Give the window for schools' closing dates: closingFrom, then closingUntil.");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
