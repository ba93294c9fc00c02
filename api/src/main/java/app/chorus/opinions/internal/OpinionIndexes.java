package app.chorus.opinions.internal;

import app.chorus.platform.StoreIndexes;
import app.chorus.platform.StoreIndexes.On;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/** The indexes the opinion map's queries need: a conversation's statements, votes and participants ({@link StoreIndexes}). */
@Component
class OpinionIndexes extends StoreIndexes {

    OpinionIndexes(ReactiveMongoTemplate mongo) {
        super(mongo, "opinion map",
            new On(Conversation.COLLECTION, "consultationId"),
            new On(Statement.COLLECTION, "conversationId", "createdAt"),
            new On(StoredVote.COLLECTION, "conversationId", "at"),
            new On(Participant.COLLECTION, "conversationId"));
    }
}
