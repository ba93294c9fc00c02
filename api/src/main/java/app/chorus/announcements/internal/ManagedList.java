package app.chorus.announcements.internal;

import app.chorus.shared.PositionCursor;
import app.chorus.directory.Access;
import app.chorus.shared.Page;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

/** The announcements a person writes or looks after (indexes {authorId, createdAt} and {schoolId, createdAt}). */
final class ManagedList {

    private ManagedList() {
    }

    static Mono<Page<Announcement>> page(ReactiveMongoTemplate mongo, Access access, String cursor, int limit) {
        int size = PositionCursor.atMost(limit, 100);
        Criteria mine = Criteria.where("authorId").is(access.user().personId());
        Criteria scope = new Criteria();
        if (!access.isTrustWide()) {
            List<Criteria> any = new ArrayList<>(List.of(mine, Criteria.where("schoolId").in(access.leadsSchools())));
            access.leadsSchools().forEach(school -> any.add(Criteria.where("editions." + school).exists(true)));
            scope = new Criteria().orOperator(any.toArray(Criteria[]::new));
        }
        Query query = Query.query(scope);
        if (cursor != null && !cursor.isBlank()) {
            Cursors.Position after = Cursors.position(cursor);
            query.addCriteria(new Criteria().orOperator(Criteria.where("createdAt").lt(after.at()),
                Criteria.where("createdAt").is(after.at()).and("_id").lt(after.id())));
        }
        query.with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id"))).limit(size + 1);
        return mongo.find(query, Announcement.class).collectList().map(found -> {
            List<Announcement> items = found.size() > size ? found.subList(0, size) : found;
            Announcement last = items.isEmpty() ? null : items.get(items.size() - 1);
            String next = found.size() > size ? Cursors.position(last.createdAt(), last.id()) : null;
            return Page.of(items, next);
        });
    }
}
