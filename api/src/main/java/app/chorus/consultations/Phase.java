package app.chorus.consultations;

/** The phases of a consultation, always in this order; a consultation may leave some out. */
public enum Phase {
    IDEAS, DELIBERATION, DECISION, OUTCOME, REVIEW
}
