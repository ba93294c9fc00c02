package app.chorus.opinions.internal;

import org.springframework.data.annotation.Id;

/**
 * {@code opinion_votes}: a participant's standing vote on a statement, keyed {@code conversation:participant:statement}
 * so a second vote replaces the first in one single-document write. {@code at} in epoch milliseconds (an imported
 * vote keeps Polis's time).
 */
record StoredVote(@Id String id, String conversationId, String participantId, String statementId, int value, long at) {

    static final String COLLECTION = "opinion_votes";

    static String key(String conversationId, String participantId, String statementId) {
        return conversationId + ":" + participantId + ":" + statementId;
    }
}
