package app.chorus.devtools.demo;

import java.time.Duration;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * With the demo trust ({@code chorus.demo.seed-history}, on with {@code ./chorus up}), gives every demo login a history
 * in every feature: announcements read and acknowledged, surveys with results, decisions open and closed, an opinion map
 * with groups. Through the modules' own services, as the people of the demo trust; once (a marker in
 * {@code demo_seeds} says it was done, so a second start adds nothing).
 */
@Component
@Order(20)
class DemoHistory implements ApplicationRunner {

    static final String MARKERS = "demo_seeds";
    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
    private static final String MARKER = "history";

    private final DemoAnnouncements announcements;
    private final DemoSurveys surveys;
    private final DemoDecisions decisions;
    private final DemoOpinions opinions;
    private final ReactiveMongoTemplate mongo;
    private final boolean enabled;

    DemoHistory(DemoAnnouncements announcements, DemoSurveys surveys, DemoDecisions decisions, DemoOpinions opinions,
                ReactiveMongoTemplate mongo, @Value("${chorus.demo.seed-history:false}") boolean enabled) {
        this.announcements = announcements;
        this.surveys = surveys;
        this.decisions = decisions;
        this.opinions = opinions;
        this.mongo = mongo;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || Boolean.TRUE.equals(mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(MARKER)), MARKERS).block())) {
            return;
        }
        long started = System.currentTimeMillis();
        step("announcements", announcements.seed())
            .then(step("surveys", surveys.seed()))
            .then(step("decisions", decisions.seed()))
            .then(step("opinion map", opinions.seed()))
            .then(mongo.save(new Document("_id", MARKER).append("at", java.time.Instant.now()), MARKERS))
            .doOnSuccess(done -> log.info("Demo history seeded in {} ms", System.currentTimeMillis() - started))
            // the portal still starts: the demo lacks part of its history, and the next start tries again
            .onErrorResume(failure -> Mono.fromRunnable(() -> log.warn("The demo history is incomplete ({}): the next start "
                + "tries again; for a clean demo stop the portal and delete .chorus/data/store.", failure.toString(), failure)))
            .block(Duration.ofMinutes(10));
    }

    private static Mono<Void> step(String what, Mono<Void> seeding) {
        return Mono.fromRunnable(() -> log.info("Seeding the demo history: {} ...", what)).then(seeding);
    }
}
