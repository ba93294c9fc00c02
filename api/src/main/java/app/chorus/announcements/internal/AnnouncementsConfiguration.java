package app.chorus.announcements.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import reactor.core.publisher.Flux;

/**
 * The indexes a real MongoDB needs to serve announcements without scans (the embedded store accepts and ignores
 * the non-unique ones).
 */
@Configuration(proxyBeanMethods = false)
class AnnouncementsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AnnouncementsConfiguration.class);
    private final ReactiveMongoTemplate mongo;

    AnnouncementsConfiguration(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        Flux.concat(
                ensure("announcement_feed", new Index().on("audienceKeys", Sort.Direction.ASC).on("sortAt", Sort.Direction.DESC)
                    .on("announcementId", Sort.Direction.DESC).named("feed_page")),
                ensure("announcement_feed", new Index().on("audienceKeys", Sort.Direction.ASC).on("seq", Sort.Direction.ASC)
                    .named("feed_delta")),
                ensure("announcement_feed", new Index().on("announcementId", Sort.Direction.ASC).named("feed_editions")),
                ensure("announcement_feed", new Index().on("updatedAt", Sort.Direction.ASC).named("feed_changes")),
                ensure("announcement_due", new Index().on("dueAt", Sort.Direction.ASC).named("due")),
                ensure("announcements", new Index().on("authorId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC)
                    .named("by_author")),
                ensure("announcements", new Index().on("schoolId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC)
                    .named("by_school")),
                ensure("announcement_receipts", new Index().on("announcementId", Sort.Direction.ASC)
                    .on("acknowledgedAt", Sort.Direction.ASC).named("by_announcement")))
            .subscribe(null, failure -> log.warn("Could not create announcement indexes", failure));
    }

    private Flux<String> ensure(String collection, IndexDefinition index) {
        return mongo.indexOps(collection).createIndex(index).flux();
    }
}
