package app.chorus.consultations.internal;

import java.time.Instant;

/**
 * An idea as a reader sees it. {@code goesForward} is null without a support threshold; {@code shownToOthers} false
 * marks an idea that moderation holds (only its author and moderators see it).
 */
public record IdeaView(String id, String title, String body, String category, long supports, Boolean goesForward,
                       boolean mine, boolean shownToOthers, String mergedInto, Instant createdAt) {

    static IdeaView of(Idea idea, Consultation consultation, String personId) {
        Integer threshold = consultation.supportThreshold();
        return new IdeaView(idea.id(), idea.title(), idea.body(), idea.category(), idea.supports(),
            threshold == null ? null : idea.supports() >= threshold, personId != null && personId.equals(idea.authorId()),
            Visibility.shown(idea.visibility()), idea.mergedInto(), idea.createdAt());
    }
}
