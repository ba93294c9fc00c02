package app.chorus.consent.internal;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code consent_participation}: one document per pupil whose parent or guardian consented, with who and when. */
@Component
class CarerConsents {

    static final String COLLECTION = "consent_participation";

    /** A consent as kept: who gave it and when. */
    record Consent(String pupilId, String givenBy, Instant givenAt) {
    }

    private final ReactiveMongoTemplate mongo;

    CarerConsents(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<Consent> of(String pupilId) {
        return mongo.findById(pupilId, Document.class, COLLECTION)
            .map(doc -> new Consent(pupilId, doc.getString("givenBy"), doc.getDate("givenAt").toInstant()));
    }

    /** Records the consent unless one is already there (given again, the first stays). */
    Mono<Consent> give(String pupilId, String carerId, Instant at) {
        return mongo.upsert(byPupil(pupilId), new Update().setOnInsert("givenBy", carerId).setOnInsert("givenAt", Date.from(at)),
            COLLECTION).then(of(pupilId));
    }

    /** Completes with whether there was a consent to withdraw. */
    Mono<Boolean> withdraw(String pupilId) {
        return mongo.remove(byPupil(pupilId), COLLECTION).map(result -> result.getDeletedCount() > 0);
    }

    private static Query byPupil(String pupilId) {
        return Query.query(Criteria.where("_id").is(pupilId));
    }
}
