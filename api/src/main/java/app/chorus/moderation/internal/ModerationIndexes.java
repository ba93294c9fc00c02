package app.chorus.moderation.internal;

import app.chorus.platform.StoreIndexes;
import app.chorus.platform.StoreIndexes.On;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/** The indexes the moderation queues need: the queue of a school, the concerns of a school ({@link StoreIndexes}). */
@Component
class ModerationIndexes extends StoreIndexes {

    ModerationIndexes(ReactiveMongoTemplate mongo) {
        super(mongo, "moderation",
            new On(ModerationItems.COLLECTION, "schoolId", "submittedAt"),
            new On(ModerationItems.COLLECTION, "concern.schoolIds"));
    }
}
