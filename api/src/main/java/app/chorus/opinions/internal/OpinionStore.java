package app.chorus.opinions.internal;

import app.chorus.moderation.Visibility;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The opinion map's collections: conversations, statements, standing votes and participants. */
@Component
class OpinionStore {

    private static final String CONVERSATION = "conversationId";
    private final ReactiveMongoTemplate mongo;

    OpinionStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<Conversation> insert(Conversation conversation) {
        return mongo.insert(conversation, Conversation.COLLECTION);
    }

    Mono<Conversation> conversation(String id) {
        return mongo.findById(id, Conversation.class, Conversation.COLLECTION);
    }

    /** A consultation's conversations, oldest first (a deliberation phase opens one or a few). */
    Flux<Conversation> ofConsultation(String consultationId, int limit) {
        return mongo.find(Query.query(Criteria.where("consultationId").is(consultationId))
            .with(Sort.by("createdAt", "_id")).limit(limit), Conversation.class, Conversation.COLLECTION);
    }

    /** Inserts the statement, or answers the one stored under its id (a retried request). */
    Mono<Statement> insert(Statement statement) {
        return mongo.insert(statement, Statement.COLLECTION)
            .onErrorResume(DuplicateKeyException.class, duplicate -> statement(statement.id()));
    }

    Mono<Statement> statement(String id) {
        return mongo.findById(id, Statement.class, Statement.COLLECTION);
    }

    Flux<Statement> statements(String conversationId) {
        return mongo.find(Query.query(Criteria.where(CONVERSATION).is(conversationId)).with(Sort.by("createdAt", "_id")),
            Statement.class, Statement.COLLECTION);
    }

    /** Copies moderation's visibility; the first time it shows, records when (it joins the map then). */
    Mono<Statement> visibility(String statementId, Visibility visibility, Instant at) {
        Query byId = Query.query(Criteria.where("_id").is(statementId));
        Mono<Statement> changed = mongo.findAndModify(byId, Update.update("visibility", visibility),
            FindAndModifyOptions.options().returnNew(true), Statement.class, Statement.COLLECTION);
        if (!visibility.shown()) {
            return changed;
        }
        Query neverShown = Query.query(Criteria.where("_id").is(statementId).and("shownAt").is(null));
        return changed.flatMap(statement -> statement.inMap() ? Mono.just(statement)
            : mongo.findAndModify(neverShown, Update.update("shownAt", at.toEpochMilli()),
                    FindAndModifyOptions.options().returnNew(true), Statement.class, Statement.COLLECTION)
                .switchIfEmpty(statement(statementId)));
    }

    /** Stores the standing vote; answers the one it replaced, empty for a first vote. */
    Mono<StoredVote> put(StoredVote vote) {
        return mongo.findAndReplace(Query.query(Criteria.where("_id").is(vote.id())), vote,
            FindAndReplaceOptions.options().upsert(), StoredVote.class, StoredVote.COLLECTION);
    }

    /** A conversation's votes in the order they were cast. */
    Flux<StoredVote> votes(String conversationId) {
        return mongo.find(Query.query(Criteria.where(CONVERSATION).is(conversationId)).with(Sort.by("at", "_id")),
            StoredVote.class, StoredVote.COLLECTION);
    }

    /** Which of these statements the participant has voted on: looked up by key, not by scanning the votes. */
    Flux<String> votedOn(String conversationId, String participantId, Collection<String> statementIds) {
        List<String> keys = statementIds.stream().map(statement -> StoredVote.key(conversationId, participantId, statement)).toList();
        return mongo.find(Query.query(Criteria.where("_id").in(keys)), StoredVote.class, StoredVote.COLLECTION)
            .map(StoredVote::statementId);
    }

    Mono<Participant> join(Participant participant) {
        return mongo.insert(participant, Participant.COLLECTION)
            .onErrorResume(DuplicateKeyException.class, known -> Mono.just(participant));
    }

    Flux<Participant> participants(String conversationId) {
        return mongo.find(Query.query(Criteria.where(CONVERSATION).is(conversationId)), Participant.class, Participant.COLLECTION);
    }

    /** Replaces the conversation's checkpoint. */
    Mono<MapCheckpoint> save(MapCheckpoint checkpoint) {
        return mongo.save(checkpoint, MapCheckpoint.COLLECTION);
    }

    Mono<MapCheckpoint> checkpoint(String conversationId) {
        return mongo.findById(conversationId, MapCheckpoint.class, MapCheckpoint.COLLECTION);
    }

    <T> Mono<Long> insertAll(Collection<T> documents, String collection) {
        return mongo.insert(documents, collection).count();
    }
}
