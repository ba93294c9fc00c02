package app.chorus.opinions.internal;

import org.springframework.data.annotation.Id;

/**
 * {@code opinion_participants}: who voted in a conversation, with the school and role their group breakdowns count
 * them under. Keyed {@code conversation:person}.
 */
record Participant(@Id String id, String conversationId, String personId, String schoolId, String role) {

    static final String COLLECTION = "opinion_participants";
}
