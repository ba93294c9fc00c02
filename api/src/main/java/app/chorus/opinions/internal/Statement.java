package app.chorus.opinions.internal;

import app.chorus.moderation.ContributionRef;
import app.chorus.moderation.Visibility;
import java.time.Instant;
import org.springframework.data.annotation.Id;

/**
 * {@code opinion_statements}: one statement and a copy of its visibility kept from moderation. {@code shownAt} (epoch
 * milliseconds) is when it first showed, which is when it became a column of the map; null while never shown.
 */
public record Statement(@Id String id, String conversationId, String text, String authorPersonId, boolean seeded,
                        Visibility visibility, Instant createdAt, Long shownAt) {

    static final String COLLECTION = "opinion_statements";
    static final String KIND = "opinion-statement";
    static final int MAX_TEXT = 140;

    ContributionRef ref() {
        return new ContributionRef(KIND, id);
    }

    boolean inMap() {
        return shownAt != null;
    }

    /** Moderated out after it showed: its column is zeroed, as Polis does. */
    boolean moderatedOut() {
        return inMap() && !visibility.shown();
    }
}
