package app.chorus.moderation.internal;

import app.chorus.directory.AudienceMember;
import app.chorus.directory.AudienceRole;
import app.chorus.notifications.RecipientGroup;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who hears a concern: {@code safeguarding_contacts}, one document per school ({@code _id} the school id) and one for
 * the trust ({@code _id} {@value #TRUST}), listing directory people. Set by the trust's leaders, and a safeguarding
 * lead who opens their concerns is added for their schools, so nobody has to remember to. Also the recipient group
 * {@code safeguarding-leads:SCHOOL} the concern pushes go to.
 */
@Component
class SafeguardingContacts implements RecipientGroup {

    static final String TRUST = "trust";
    static final String COLLECTION = "safeguarding_contacts";
    static final String KIND = "safeguarding-leads";
    private final ReactiveMongoTemplate mongo;

    SafeguardingContacts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<List<String>> of(String schoolOrTrust) {
        return mongo.findById(schoolOrTrust, Document.class, COLLECTION)
            .map(document -> document.getList("personIds", String.class, List.of()))
            .defaultIfEmpty(List.of());
    }

    Mono<Void> replace(String schoolOrTrust, List<String> personIds) {
        return mongo.upsert(Query.query(Criteria.where("_id").is(schoolOrTrust)),
            new Update().set("personIds", List.copyOf(personIds)), COLLECTION).then();
    }

    Mono<Void> learn(String personId, Set<String> schoolIds) {
        return Flux.fromIterable(schoolIds).concatMap(schoolId -> mongo.upsert(Query.query(Criteria.where("_id").is(schoolId)),
            new Update().addToSet("personIds", personId), COLLECTION)).then();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Flux<AudienceMember> members(String schoolOrTrust) {
        Set<String> schools = TRUST.equals(schoolOrTrust) ? Set.of() : Set.of(schoolOrTrust);
        return of(schoolOrTrust).flatMapMany(Flux::fromIterable).sort()
            .map(personId -> new AudienceMember(personId, AudienceRole.STAFF, schools, Set.of(), null));
    }
}
