package app.chorus.retention;

import java.time.Period;

/**
 * The kinds of data the trust's retention schedule covers, each with its default period (see docs/data-protection.md
 * for the sources) and the shortest period the trust may set.
 */
public enum RetainedData {
    ANNOUNCEMENT_RECEIPTS("announcementReceipts", Period.ofYears(2), Period.ofMonths(1),
        "who received, opened and acknowledged an announcement, counted from when it was sent; deleted"),
    SURVEY_RESPONSES("surveyResponses", Period.ofYears(1), Period.ofMonths(1),
        "survey answers, counted from when the survey closed; deleted, the tallies stay"),
    CONSULTATION_CONTRIBUTIONS("consultationContributions", Period.ofYears(1), Period.ofMonths(1),
        "who wrote the ideas and comments of a consultation and who supported them, counted from its end; "
            + "the authors are detached, the text, counts and outcome stay"),
    OPINION_VOTES("opinionVotes", Period.ofYears(1), Period.ofMonths(1),
        "who wrote the statements of an opinion map and who voted, counted from the conversation's start; the authors "
            + "are detached and votes kept under pseudonyms, so the map reads the same"),
    DECISION_BALLOTS("decisionBallots", Period.ofYears(1), Period.ofMonths(1),
        "ballots of a decision, counted from its close once counted; deleted, the count and tallies stay"),
    DEVICES("devices", Period.ofDays(270), Period.ofDays(30),
        "push devices not seen for this long; removed"),
    AUDIT_ENTRIES("auditEntries", Period.ofYears(6), Period.ofYears(1),
        "audit entries, counted from the act; deleted after a signed checkpoint of each chain's head"),
    MODERATION_DECISIONS("moderationDecisions", Period.ofYears(1), Period.ofMonths(1),
        "moderation decisions and reports, counted from the last decision: a removed contribution's item is deleted, a "
            + "shown one keeps its text but loses who reported and decided it and why"),
    SAFEGUARDING_CONCERNS("safeguardingConcerns", Period.ofYears(25), Period.ofYears(6),
        "what raised a safeguarding concern, with who acknowledged it, counted from when it was raised; deleted. The "
            + "default follows child protection record guidance and is to be checked by the DPO"),
    ROSTER_LEAVERS("rosterLeavers", Period.ofYears(1), Period.ofMonths(1),
        "people who left every school, counted from when the roster stopped listing them; erased as on a request "
            + "(named answers removed, devices removed, the audit's name forgotten), the tallies stay");

    private final String field;
    private final Period byDefault;
    private final Period shortest;
    private final String what;

    RetainedData(String field, Period byDefault, Period shortest, String what) {
        this.field = field;
        this.byDefault = byDefault;
        this.shortest = shortest;
        this.what = what;
    }

    /** The kind's name in the api (a field of the schedule). */
    public String field() {
        return field;
    }

    public Period byDefault() {
        return byDefault;
    }

    public Period shortest() {
        return shortest;
    }

    public String what() {
        return what;
    }
}
