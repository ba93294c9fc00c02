package app.chorus.opinions;

import app.chorus.directory.Audience;

/**
 * What a leader opens a conversation with.
 *
 * @param topic          the question the statements answer (at most 200 characters)
 * @param consultationId the consultation whose deliberation phase this is; null for a conversation of its own
 * @param schoolId       the school it belongs to (its leaders moderate it); null for trust-wide
 * @param audience       who may take part
 * @param strict         nothing anyone writes shows until a moderator approves it; null: strict when pupils take part
 */
public record ConversationDraft(String topic, String consultationId, String schoolId, Audience audience, Boolean strict) {
}
