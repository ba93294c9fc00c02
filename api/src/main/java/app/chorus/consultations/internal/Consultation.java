package app.chorus.consultations.internal;

import app.chorus.consultations.ActionUpdated;
import app.chorus.consultations.ConsultationOpened;
import app.chorus.consultations.ConsultationPhaseChanged;
import app.chorus.consultations.OutcomePublished;
import app.chorus.consultations.Phase;
import app.chorus.directory.Audience;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The consultation aggregate: what it asks, who decides and how, who takes part, its timetable of phases, and
 * its outcome and actions. The phase is a function of the timetable and the time; {@code announcedPhase} records
 * which phase change was last announced, so each is announced once.
 */
@Document(Consultation.COLLECTION)
public class Consultation {

    public static final String COLLECTION = "consultations";
    private static final java.util.Set<Phase> TAKING_PART = java.util.EnumSet.of(Phase.IDEAS, Phase.DELIBERATION, Phase.DECISION);

    @Id
    private String id;
    private String schoolId;
    private String ownerId;
    private String defaultLanguage;
    private Map<String, Text> translations;
    private Decider decider;
    private Audience audience;
    private CarerVoice carerVoice;
    private EligibilityMode eligibility;
    private boolean anonymous;
    private List<PhasePlan> phases;
    private Instant endsAt;
    private Adaptation adaptation;
    private Integer supportThreshold;
    private String continuesFrom;
    private Outcome outcome;
    private List<Action> actions = new ArrayList<>();
    private String announcedStage;
    private List<PendingPush> unannounced = new ArrayList<>();
    private Instant createdAt;
    private long changeSeq;
    @Version
    private Long version;

    protected Consultation() {
    }

    static Consultation create(String id, ConsultationDraft draft, String ownerId, Instant now) {
        ConsultationRules.requireValid(draft);
        Consultation c = new Consultation();
        c.id = id;
        c.schoolId = draft.schoolId();
        c.ownerId = ownerId;
        c.defaultLanguage = draft.defaultLanguage();
        c.translations = new LinkedHashMap<>(draft.translations());
        c.decider = draft.decider();
        c.audience = draft.audience();
        c.carerVoice = draft.carerVoice() == null ? CarerVoice.ONE_PER_CHILD : draft.carerVoice();
        c.eligibility = draft.eligibility() == null ? EligibilityMode.FOLLOWS_ROSTER : draft.eligibility();
        c.anonymous = Boolean.TRUE.equals(draft.anonymous());
        c.phases = List.copyOf(draft.phases());
        c.endsAt = draft.endsAt();
        c.adaptation = draft.adaptation() == null ? Adaptation.IDENTICAL : draft.adaptation();
        c.supportThreshold = draft.supportThreshold();
        c.continuesFrom = draft.continuesFrom();
        c.announcedStage = Stage.UPCOMING;
        c.createdAt = now;
        return c;
    }

    /** Stamps the change being saved for delta sync ({@link ChangeStamps}). */
    Consultation stamped(long seq) {
        changeSeq = seq;
        return this;
    }

    long changeSeq() {
        return changeSeq;
    }

    /** The phase at this time, or null before the first phase and after the end. */
    public Phase phaseAt(Instant now) {
        if (endsAt != null && !endsAt.isAfter(now)) {
            return null;
        }
        Phase current = null;
        for (PhasePlan plan : phases) {
            if (!plan.startsAt().isAfter(now)) {
                current = plan.phase();
            }
        }
        return current;
    }

    /** UPCOMING, a phase's name, or CLOSED. */
    public String stageAt(Instant now) {
        Phase phase = phaseAt(now);
        if (phase != null) {
            return phase.name();
        }
        return endsAt != null && !endsAt.isAfter(now) ? Stage.CLOSED : Stage.UPCOMING;
    }

    /** When the stage next changes by itself, or null when it never will again. */
    public Instant nextChangeAfter(Instant now) {
        for (PhasePlan plan : phases) {
            if (plan.startsAt().isAfter(now) && (endsAt == null || plan.startsAt().isBefore(endsAt))) {
                return plan.startsAt();
            }
        }
        return endsAt != null && endsAt.isAfter(now) ? endsAt : null;
    }

    /** Whether people take part now (the ideas, deliberation or decision phase). */
    boolean takingPartAt(Instant now) {
        Phase phase = phaseAt(now);
        return phase != null && TAKING_PART.contains(phase);
    }

    /** When taking part opens (the first of the ideas, deliberation and decision phases), or null when it never does. */
    public Instant asksFrom() {
        return phases.stream().filter(plan -> TAKING_PART.contains(plan.phase())).map(PhasePlan::startsAt).findFirst()
            .filter(from -> endsAt == null || from.isBefore(endsAt)).orElse(null);
    }

    /** When taking part ends (the outcome or review phase, or the end), or null when no end is set. */
    public Instant asksUntil() {
        Instant from = asksFrom();
        return phases.stream().filter(plan -> !TAKING_PART.contains(plan.phase()) && from != null && plan.startsAt().isAfter(from))
            .map(PhasePlan::startsAt).findFirst().orElse(endsAt);
    }

    /** A leader moves on now: the next phase starts (skipping the rest of this one), or the last phase ends. */
    void advance(Instant now) {
        Phase current = phaseAt(now);
        if (current == null && Stage.CLOSED.equals(stageAt(now))) {
            throw Problems.conflict("phase", "consultation-closed", "This consultation has ended; start a new one that continues from it.");
        }
        List<PhasePlan> moved = new ArrayList<>();
        boolean started = false;
        for (PhasePlan plan : phases) {
            boolean next = !started && plan.startsAt().isAfter(now);
            if (next) {
                started = true;
                moved.add(new PhasePlan(plan.phase(), now));
            } else {
                moved.add(plan);
            }
        }
        if (!started) {
            endsAt = now;
        }
        phases = moved;
    }

    void requirePhase(Phase wanted, Instant now, String what) {
        Phase current = phaseAt(now);
        if (current != wanted) {
            throw Problems.conflict("phase", "not-in-" + wanted.name().toLowerCase() + "-phase",
                "You can " + what + " only in the " + wanted.name().toLowerCase() + " phase; this consultation is "
                    + stageAt(now).toLowerCase() + ".").with("phase", stageAt(now));
        }
    }

    void requireDiscussionOpen(Instant now) {
        Phase current = phaseAt(now);
        if (current != Phase.IDEAS && current != Phase.DELIBERATION) {
            throw Problems.conflict("phase", "not-open-for-comments",
                "Comments are taken in the ideas and deliberation phases; this consultation is " + stageAt(now).toLowerCase() + ".");
        }
    }

    /** The stage change still to announce, or null when the announced stage is the current one. */
    Object stageEvent(Instant now) {
        String stage = stageAt(now);
        if (stage.equals(announcedStage)) {
            return null;
        }
        Phase to = phaseAt(now);
        if (Stage.UPCOMING.equals(announcedStage) && to != null) {
            return new ConsultationOpened(id, schoolId, audience, to, titles(), defaultLanguage, now);
        }
        Phase from = Stage.isPhase(announcedStage) ? Phase.valueOf(announcedStage) : null;
        return new ConsultationPhaseChanged(id, schoolId, audience, from, to, titles(), defaultLanguage, now);
    }

    PendingPush publishOutcome(Outcome published, Instant now) {
        if (Stage.UPCOMING.equals(stageAt(now))) {
            throw Problems.conflict("phase", "not-open-yet", "Publish the outcome after the consultation has opened.");
        }
        outcome = published;
        return pending(PendingPush.outcome(now));
    }

    PendingPush putAction(Action action, Instant now) {
        if (outcome == null) {
            throw Problems.conflict("outcome", "no-outcome-yet", "Publish the outcome before adding actions to it.");
        }
        Action previous = actions.stream().filter(a -> a.id().equals(action.id())).findFirst().orElse(null);
        Action saved = new Action(action.id(), action.what(), action.ownerName(), action.status(), action.progress(),
            action.milestones(), previous == null ? 1 : previous.revision() + 1, now);
        actions.removeIf(a -> a.id().equals(action.id()));
        actions.add(saved);
        return pending(PendingPush.action(saved.id(), saved.revision(), now));
    }

    /** Marks a push as owed, saved with the change that owes it, so a crash before it is handed over loses nothing. */
    private PendingPush pending(PendingPush push) {
        unannounced.removeIf(owed -> owed.key().equals(push.key()));
        unannounced.add(push);
        return push;
    }

    /** The event a pending push announces, from the state now; null when a later change has superseded it. */
    Object eventFor(PendingPush push) {
        if (PendingPush.OUTCOME.equals(push.key())) {
            return outcome == null ? null
                : new OutcomePublished(id, schoolId, audience, titles(), defaultLanguage, outcome.decision(), outcome.publishedAt());
        }
        return actions().stream().filter(a -> push.key().equals(PendingPush.action(a.id(), a.revision(), null).key())).findFirst()
            .map(a -> new ActionUpdated(id, schoolId, a.id(), a.revision(), a.what(), a.status().name(), a.progress(),
                title(defaultLanguage), defaultLanguage, a.updatedAt()))
            .orElse(null);
    }

    public Map<String, String> titles() {
        Map<String, String> titles = new LinkedHashMap<>();
        translations.forEach((language, text) -> titles.put(language, text.title()));
        return titles;
    }

    /** The text in this language, falling back to the trust default. */
    public Text text(String language) {
        return language != null && translations.containsKey(language) ? translations.get(language) : translations.get(defaultLanguage);
    }

    public String title(String language) {
        return text(language).title();
    }

    public boolean isTrustWide() {
        return schoolId == null;
    }

    public String id() { return id; }
    public String schoolId() { return schoolId; }
    public String ownerId() { return ownerId; }
    public String defaultLanguage() { return defaultLanguage; }
    public Map<String, Text> translations() { return translations; }
    public Decider decider() { return decider; }
    public Audience audience() { return audience; }
    public CarerVoice carerVoice() { return carerVoice; }
    public EligibilityMode eligibility() { return eligibility; }
    public boolean anonymous() { return anonymous; }
    public List<PhasePlan> phases() { return phases; }
    public Instant endsAt() { return endsAt; }
    public Adaptation adaptation() { return adaptation; }
    public Integer supportThreshold() { return supportThreshold; }
    public String continuesFrom() { return continuesFrom; }
    public Outcome outcome() { return outcome; }
    public List<Action> actions() { return actions == null ? List.of() : actions; }
    public String announcedStage() { return announcedStage; }
    public List<PendingPush> unannounced() { return unannounced == null ? List.of() : unannounced; }
    public Instant createdAt() { return createdAt; }
    public Long version() { return version; }

    /** Stages beyond the phases. */
    static final class Stage {
        static final String UPCOMING = "UPCOMING";
        static final String CLOSED = "CLOSED";

        private Stage() {
        }

        static boolean isPhase(String stage) {
            return !UPCOMING.equals(stage) && !CLOSED.equals(stage);
        }
    }
}
