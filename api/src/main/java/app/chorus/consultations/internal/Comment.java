package app.chorus.consultations.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A comment on a consultation or on one of its ideas. {@code rootId} is the top comment of its thread (itself for a
 * top comment); {@code depth} 0 for a top comment, at most 2 for a reply to a reply.
 */
@Document(Comment.COLLECTION)
public record Comment(@Id String id, String consultationId, String ideaId, String parentId, String rootId, int depth,
                      Stance stance, String body, String authorId, String authorLabel, boolean byPupil, String visibility,
                      boolean edited, Instant createdAt, Instant editedAt) {

    public static final String COLLECTION = "consultation_comments";
    static final int DEEPEST = 2;

    public enum Stance { FOR, AGAINST, NEUTRAL }
}
