package app.chorus.opinions.internal;

import app.chorus.retention.ExpiringData;
import app.chorus.retention.RetainedData;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Opinion maps past retention, one conversation at a time (counted from its start): its statements lose their
 * authors and its votes and participants are stored again under pseudonyms, as for an erasure, so the map and its
 * groups read the same; then the conversation is marked {@code votesDetachedAt}.
 */
@Component
class ExpiredVotes implements ExpiringData {

    static final String DETACHED_AT = "votesDetachedAt";
    private final ReactiveMongoTemplate mongo;
    private final ErasedVoters voters;

    ExpiredVotes(ReactiveMongoTemplate mongo, ErasedVoters voters) {
        this.mongo = mongo;
        this.voters = voters;
    }

    @Override
    public RetainedData kind() {
        return RetainedData.OPINION_VOTES;
    }

    @Override
    public Flux<Long> purge(Instant expiredBefore, String runId) {
        Query started = Query.query(Criteria.where("createdAt").lt(Date.from(expiredBefore)).and(DETACHED_AT).exists(false));
        started.fields().include("_id");
        return mongo.find(started, Document.class, Conversation.COLLECTION)
            .concatMap(conversation -> detach(conversation.getString("_id")));
    }

    private Mono<Long> detach(String conversationId) {
        return voters.detach(Criteria.where("conversationId").is(conversationId).and("authorPersonId").exists(true),
                Criteria.where("conversationId").is(conversationId).and("personId").ne(null))
            .flatMap(seats -> mongo.updateFirst(Query.query(Criteria.where("_id").is(conversationId)),
                new Update().set(DETACHED_AT, new Date()), Conversation.COLLECTION).thenReturn(seats));
    }
}
