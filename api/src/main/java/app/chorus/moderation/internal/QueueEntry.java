package app.chorus.moderation.internal;

import app.chorus.moderation.Visibility;
import java.time.Instant;
import java.util.List;

/**
 * One item of the moderators' queue, with why it is there.
 *
 * @param reason     in words: "Written by a pupil", "Reported by 3 people", "The author asked for a review"
 * @param reports    the reports' reasons (not who reported)
 * @param decisions  every decision so far: who, when, what, why
 */
public record QueueEntry(String kind, String id, String title, String text, String schoolId, String author,
                         boolean byPupil, Visibility visibility, String reason, List<String> reports,
                         List<DecisionView> decisions, String reviewReason, Instant submittedAt) {

    public record DecisionView(String by, Visibility visibility, String reason, Instant at) {
    }
}
