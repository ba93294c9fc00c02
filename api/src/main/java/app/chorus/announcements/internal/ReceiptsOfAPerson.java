package app.chorus.announcements.internal;

import app.chorus.rights.PersonalDataSource;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The announcements a person was sent, opened and acknowledged (their receipts), for a subject access export. */
@Component
class ReceiptsOfAPerson implements PersonalDataSource {

    private final ReactiveMongoTemplate mongo;

    ReceiptsOfAPerson(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String section() {
        return "announcement-receipts";
    }

    @Override
    public Flux<Map<String, Object>> about(String personId) {
        return mongo.find(Query.query(Criteria.where("personId").is(personId)).with(Sort.by("_id")), Receipt.class)
            .map(receipt -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("announcementId", receipt.announcementId());
                item.put("deliveredAt", receipt.deliveredAt());
                item.put("channels", receipt.channels());
                item.put("openedAt", receipt.openedAt());
                item.put("acknowledgedAt", receipt.acknowledgedAt());
                return item;
            });
    }
}
