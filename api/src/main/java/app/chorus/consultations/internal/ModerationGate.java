package app.chorus.consultations.internal;

import app.chorus.moderation.Contribution;
import app.chorus.moderation.ContributionModerated;
import app.chorus.moderation.ContributionRef;
import app.chorus.moderation.Moderation;
import app.chorus.platform.DomainEventListener;
import java.util.Set;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The one place consultations meet moderation: ideas and comments are submitted (again after an edit) and store the
 * visibility moderation answers; later decisions ({@link ContributionModerated}) update the stored copy, so lists
 * page through what may be shown without asking moderation item by item.
 */
@Component
class ModerationGate implements DomainEventListener<ContributionModerated> {

    static final String IDEA = "idea";
    static final String COMMENT = "consultation-comment";
    private final Moderation moderation;
    private final ReactiveMongoTemplate mongo;

    ModerationGate(Moderation moderation, ReactiveMongoTemplate mongo) {
        this.moderation = moderation;
        this.mongo = mongo;
    }

    /** Submits (or re-submits after an edit) a contribution; completes with its visibility. */
    Mono<String> submit(String kind, String id, String title, String text, String schoolId, Set<String> safeguardingSchools,
                        String authorId, boolean byPupil) {
        return moderation.submit(new Contribution(new ContributionRef(kind, id), title, text, schoolId, safeguardingSchools,
            authorId, byPupil)).map(Enum::name);
    }

    Mono<String> report(String kind, String id, String reporterId, String reason) {
        return moderation.report(new ContributionRef(kind, id), reporterId, reason).map(Enum::name);
    }

    @Override
    public Class<ContributionModerated> eventType() {
        return ContributionModerated.class;
    }

    @Override
    public Mono<Void> on(ContributionModerated event) {
        String collection = switch (event.ref().kind()) {
            case IDEA -> Idea.COLLECTION;
            case COMMENT -> Comment.COLLECTION;
            default -> null;
        };
        if (collection == null) {
            return Mono.empty();
        }
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(event.ref().id())),
            new Update().set("visibility", event.visibility().name()), collection).then();
    }
}
