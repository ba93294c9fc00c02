package app.chorus.decisions.internal;

public enum DecisionStatus {
    SCHEDULED, OPEN, CLOSING, CLOSED
}
