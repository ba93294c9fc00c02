package app.chorus.consultations.internal;

import app.chorus.platform.ChangeSequences;
import app.chorus.shared.Problem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A store-wide increasing number stamped on a consultation ({@code changeSeq}) whenever something a person's home shows
 * of it changes (saved, or its announced stage moved), so phones ask "what changed since N" as they do for the feed.
 */
@Component
class ChangeStamps {

    static final String FIELD = "changeSeq";
    private static final String COLLECTION = "consultation_sequences";
    private final ReactiveMongoTemplate mongo;

    ChangeStamps(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<Long> next() {
        return ChangeSequences.next(mongo, COLLECTION, "changes");
    }

    /** The highest stamp stored on a consultation (0 before any). */
    Mono<Long> latest() {
        Query last = new Query().with(Sort.by(Sort.Direction.DESC, FIELD)).limit(1);
        last.fields().include(FIELD);
        return mongo.findOne(last, Document.class, Consultation.COLLECTION)
            .map(found -> found.get(FIELD) instanceof Number n ? n.longValue() : 0L).defaultIfEmpty(0L);
    }

    /** Consultations stamped after {@code from}, oldest change first. */
    Flux<Consultation> changedSince(long from, int limit) {
        return mongo.find(Query.query(Criteria.where(FIELD).gt(from)).with(Sort.by(FIELD)).limit(limit), Consultation.class);
    }

    static String cursor(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("c:" + seq).getBytes(StandardCharsets.UTF_8));
    }

    static long fromCursor(String cursor) {
        try {
            String value = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (value.startsWith("c:")) {
                return Long.parseLong(value.substring(2));
            }
        } catch (IllegalArgumentException malformed) {
            // answered below
        }
        throw Problem.badRequest("invalid-cursor", "This cursor is not one the api gave out. "
            + "Start again from the 'sync' cursor of GET /api/v1/consultations/waiting.").with("field", "since");
    }
}
