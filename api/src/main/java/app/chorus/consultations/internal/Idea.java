package app.chorus.consultations.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An idea proposed in a consultation; {@code supports} is kept by single-document increments. */
@Document(Idea.COLLECTION)
public record Idea(@Id String id, String consultationId, String title, String body, String category, String authorId,
                   String schoolId, boolean byPupil, String visibility, long supports, String mergedInto, Instant createdAt) {

    public static final String COLLECTION = "consultation_ideas";

    /** The same idea with its counter moved by {@code by}. */
    Idea counted(int by) {
        return new Idea(id, consultationId, title, body, category, authorId, schoolId, byPupil, visibility, supports + by, mergedInto, createdAt);
    }
}
