package app.chorus.opinions.internal;

import app.chorus.directory.Audience;
import java.time.Instant;
import org.springframework.data.annotation.Id;

/**
 * {@code opinion_conversations}: a conversation's topic, where it belongs (a consultation, a school or the trust) and
 * who may take part. {@code strict}: nothing anyone but its leaders writes shows before a moderator approves it.
 */
public record Conversation(@Id String id, String topic, String consultationId, String schoolId, Audience audience,
                           boolean strict, String createdBy, Instant createdAt, String importedFrom) {

    static final String COLLECTION = "opinion_conversations";
    static final int MAX_TOPIC = 200;
}
