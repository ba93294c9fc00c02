package app.chorus.consultations.internal;

import java.time.Instant;
import java.util.List;

/**
 * An idea as a reader sees it. {@code goesForward} is null without a support threshold; {@code shownToOthers} false
 * marks an idea that moderation holds (only its author and moderators see it).
 */
public record IdeaView(String id, String title, String body, String category, long supports, Boolean goesForward,
                       boolean mine, boolean shownToOthers, String mergedInto, Instant createdAt, List<String> supportedAs) {

    /** The same idea with the reader's voices ({@code as}: a child's pupil id, or {@code self}) that support it. */
    IdeaView supportedAs(List<String> voices) {
        return new IdeaView(id, title, body, category, supports, goesForward, mine, shownToOthers, mergedInto, createdAt, List.copyOf(voices));
    }

    static IdeaView of(Idea idea, Consultation consultation, String personId) {
        Integer threshold = consultation.supportThreshold();
        return new IdeaView(idea.id(), idea.title(), idea.body(), idea.category(), idea.supports(),
            threshold == null ? null : idea.supports() >= threshold, personId != null && personId.equals(idea.authorId()),
            Visibility.shown(idea.visibility()), idea.mergedInto(), idea.createdAt(), List.of());
    }
}
