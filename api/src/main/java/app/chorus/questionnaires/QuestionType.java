package app.chorus.questionnaires;

/** The kinds of question the engine knows. */
public enum QuestionType {
    /** one option id */
    SINGLE_CHOICE,
    /** a list of distinct option ids, between minPicks and maxPicks */
    MULTIPLE_CHOICE,
    /** 1..5 on a labelled five-point scale */
    LIKERT,
    /** a whole number 0..10; with {@code nps} the results carry a Net Promoter Score */
    RATING,
    /** a number between min and max with at most two decimals */
    NUMBER,
    /** text up to maxLength characters */
    FREE_TEXT,
    /** option ids in order of preference, best first (at least one, each at most once) */
    RANKING
}
