package app.chorus.consultations;

/**
 * How a binding decision is counted; the {@code decisions} module counts ballots by the method named here.
 * An advisory consultation names none.
 */
public enum DecisionMethod {
    APPROVAL, SCORE, CONSENT, RANKED_CHOICE_IRV, BORDA
}
