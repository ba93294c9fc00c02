package app.chorus.decisions;

/** How a decision is counted. */
public enum Method {
    /** approve any of the options (a yes/no vote: options "yes" and "no", one approval); optional quorum */
    APPROVAL,
    /** each option scored 0-5; mean and distribution */
    SCORE,
    /** agree, abstain, disagree or block (a reason for the last two); reached when nobody blocks */
    CONSENT,
    /** single-winner instant runoff, counted as RCTab counts it */
    RANKED_IRV,
    /** ranked; of n options the first choice gets n points */
    BORDA
}
