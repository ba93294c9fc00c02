package app.chorus.retention.internal;

import app.chorus.retention.RetainedData;
import java.util.EnumMap;
import java.util.Map;

/**
 * The periods to set, as ISO-8601 periods; a kind left out keeps its current period. Unknown fields are refused by
 * the api's strict JSON.
 */
public record ScheduleInput(String announcementReceipts, String surveyResponses, String consultationContributions,
                            String opinionVotes, String decisionBallots, String devices, String auditEntries,
                            String moderationDecisions, String safeguardingConcerns, String rosterLeavers) {

    /** The periods given, by kind, in the schedule's order. */
    Map<RetainedData, String> given() {
        Map<RetainedData, String> given = new EnumMap<>(RetainedData.class);
        put(given, RetainedData.ANNOUNCEMENT_RECEIPTS, announcementReceipts);
        put(given, RetainedData.SURVEY_RESPONSES, surveyResponses);
        put(given, RetainedData.CONSULTATION_CONTRIBUTIONS, consultationContributions);
        put(given, RetainedData.OPINION_VOTES, opinionVotes);
        put(given, RetainedData.DECISION_BALLOTS, decisionBallots);
        put(given, RetainedData.DEVICES, devices);
        put(given, RetainedData.AUDIT_ENTRIES, auditEntries);
        put(given, RetainedData.MODERATION_DECISIONS, moderationDecisions);
        put(given, RetainedData.SAFEGUARDING_CONCERNS, safeguardingConcerns);
        put(given, RetainedData.ROSTER_LEAVERS, rosterLeavers);
        return given;
    }

    private static void put(Map<RetainedData, String> given, RetainedData kind, String value) {
        if (value != null) {
            given.put(kind, value);
        }
    }
}
