package app.chorus.surveys.internal;

import app.chorus.platform.BulkWrites;
import java.time.Instant;
import java.util.Collection;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Participation marks ({@code survey_participation}), one per response unit, keyed by a keyed hash so that the
 * unique {@code _id} stops a second answer. Kept apart from the answers. A mark is PENDING while its response is
 * being written (it then names the response so a retry can finish the job) and SUBMITTED after; an anonymous
 * survey's SUBMITTED mark no longer names its response. Confidential marks keep the identity apart from answers.
 * A DRAFT mark holds answers saved as you go ({@link Drafts}); it does not count as having answered.
 */
@Component
public class Participations {

    public static final String COLLECTION = "survey_participation";
    /** Answers saved as you go, not submitted: not a participation yet (see {@link Drafts}). */
    public static final String DRAFT = "DRAFT";
    public static final String PENDING = "PENDING";
    public static final String SUBMITTED = "SUBMITTED";

    private final ReactiveMongoTemplate mongo;
    private final BulkWrites bulk;
    private final ConfidentialIdentities identities;

    Participations(ReactiveMongoTemplate mongo, BulkWrites bulk, ConfidentialIdentities identities) {
        this.mongo = mongo;
        this.bulk = bulk;
        this.identities = identities;
    }

    /** The unit's mark once it submitted (PENDING or SUBMITTED); a draft is not one. */
    public Mono<Document> find(String participationId) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(participationId).and("state").ne(DRAFT)), Document.class, COLLECTION);
    }

    /**
     * Inserts a PENDING mark; fails with DuplicateKeyException when the unit already has one. A confidential survey's
     * mark keeps who answered, apart from the answers.
     */
    public Mono<Void> insertPending(String participationId, String surveyId, String responseId, String keyDigest,
                                        ResponseUnit confidentialIdentity, Instant now) {
        return pendingFields(participationId, responseId, keyDigest, confidentialIdentity, now).flatMap(fields -> {
            Document mark = new Document("_id", participationId).append("surveyId", surveyId);
            fields.forEach(mark::append);
            return bulk.insert(COLLECTION, mark);
        });
    }

    /**
     * Turns the unit's draft into its PENDING mark in one write, dropping the saved answers; false when there is no
     * draft (the unit has a real mark, or another request took the draft first).
     */
    public Mono<Boolean> claimDraft(String participationId, String responseId, String keyDigest,
                                    ResponseUnit confidentialIdentity, Instant now) {
        return pendingFields(participationId, responseId, keyDigest, confidentialIdentity, now).flatMap(fields -> {
            Update update = new Update().unset("answers").unset("savedAt");
            fields.forEach(update::set);
            return mongo.updateFirst(Query.query(Criteria.where("_id").is(participationId).and("state").is(DRAFT)), update,
                COLLECTION).map(result -> result.getMatchedCount() > 0);
        });
    }

    private Mono<Document> pendingFields(String participationId, String responseId, String keyDigest,
                                         ResponseUnit confidentialIdentity, Instant now) {
        Document fields = new Document("state", PENDING).append("responseId", responseId)
            .append("idempotencyKey", keyDigest).append("pendingSince", now);
        return identities.fields(participationId, confidentialIdentity).map(identity -> {
            identity.forEach(fields::append);
            return fields;
        });
    }

    /** Marks the unit answered; an anonymous survey's mark forgets which response was its own. */
    public Mono<Void> markSubmitted(String participationId, boolean keepResponseId) {
        Update update = new Update().set("state", SUBMITTED).unset("pendingSince");
        if (!keepResponseId) {
            update.unset("responseId");
        }
        return bulk.updateOne(COLLECTION, byId(participationId), update);
    }

    /**
     * Removes an interrupted submission's mark, only while it is still PENDING for that response: a first attempt that
     * marked it SUBMITTED meanwhile keeps it.
     */
    public Mono<Void> forgetPending(String participationId, String responseId) {
        return mongo.remove(Query.query(Criteria.where("_id").is(participationId).and("state").is(PENDING)
            .and("responseId").is(responseId)), COLLECTION).then();
    }

    /** PENDING marks older than {@code before}, oldest first. */
    public Flux<Document> pendingSince(Instant before) {
        return mongo.find(Query.query(Criteria.where("state").is(PENDING).and("pendingSince").lt(before))
            .with(Sort.by("pendingSince")), Document.class, COLLECTION);
    }

    /** Those of {@code responseIds} whose submission is still PENDING, in one read. */
    public Flux<String> pendingAmong(Collection<String> responseIds) {
        Query pending = Query.query(Criteria.where("state").is(PENDING).and("responseId").in(responseIds));
        pending.fields().include("responseId");
        return mongo.find(pending, Document.class, COLLECTION).map(mark -> mark.getString("responseId"));
    }

    /** The confidential identity behind a response ({@code personId}, {@code pupilId}), for the privacy officer. */
    public Mono<Document> identityOf(String surveyId, String responseId) {
        return mongo.findOne(Query.query(new Criteria().andOperator(Criteria.where("surveyId").is(surveyId)
            .and("responseId").is(responseId), ConfidentialIdentities.identified())), Document.class, COLLECTION)
            .map(identities::open);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
