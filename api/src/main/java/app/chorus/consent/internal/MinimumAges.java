package app.chorus.consent.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Date;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code consent_minimum_ages}: the trust's minimum age ({@code _id: trust}; {@code chorus.children.minimum-age} until the
 * trust sets one) and the schools' own ({@code _id}: the school), each with who set it and when. A school's age counts
 * only above the trust's: the trust raising its own lifts every school with it.
 */
@Component
class MinimumAges {

    static final String COLLECTION = "consent_minimum_ages";
    static final String TRUST = "trust";
    private static final String AGE = "minimumAge";

    /** The ages that apply to one school: the trust's, the school's own (null when it set none), and the higher. */
    record Ages(int trust, Integer school) {

        int applying() {
            return school == null ? trust : Math.max(trust, school);
        }
    }

    private final ReactiveMongoTemplate mongo;
    private final ChildrenProperties children;

    MinimumAges(ReactiveMongoTemplate mongo, ChildrenProperties children) {
        this.mongo = mongo;
        this.children = children;
    }

    Mono<Integer> trust() {
        return mongo.findById(TRUST, Document.class, COLLECTION).map(doc -> doc.getInteger(AGE)).defaultIfEmpty(children.minimumAge());
    }

    Mono<Ages> of(String schoolId) {
        if (schoolId == null) {
            return trust().map(trust -> new Ages(trust, null));
        }
        return Mono.zip(trust(), mongo.findById(schoolId, Document.class, COLLECTION).map(doc -> doc.getInteger(AGE))
            .map(Optional::of).defaultIfEmpty(Optional.empty()))
            .map(both -> new Ages(both.getT1(), both.getT2().orElse(null)));
    }

    /** The age that applies to a pupil of these schools: the highest of the trust's and theirs. */
    Mono<Integer> applyingTo(Collection<String> schoolIds) {
        return Mono.zip(trust(), mongo.find(Query.query(Criteria.where("_id").in(schoolIds)), Document.class, COLLECTION)
                .collect(Collectors.toMap(doc -> doc.getString("_id"), doc -> doc.getInteger(AGE))))
            .map(both -> Math.max(both.getT1(), both.getT2().values().stream().mapToInt(Integer::intValue).max().orElse(0)));
    }

    /** Sets the trust's ({@link #TRUST}) or a school's age. */
    Mono<Void> set(String id, int age, String setBy, Instant at) {
        return mongo.upsert(Query.query(Criteria.where("_id").is(id)),
            new Update().set(AGE, age).set("setBy", setBy).set("setAt", Date.from(at)), COLLECTION).then();
    }
}
