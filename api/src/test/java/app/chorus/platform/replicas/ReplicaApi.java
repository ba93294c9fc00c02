package app.chorus.platform.replicas;

import app.chorus.ChorusApplication;
import app.chorus.announcements.AnnouncementPublished;
import app.chorus.announcements.Priority;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceMember;
import app.chorus.directory.AudienceResolver;
import app.chorus.directory.AudienceRole;
import app.chorus.platform.DomainEvents;
import app.chorus.surveys.internal.ReplicaSurveys;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import com.mongodb.client.model.Filters;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One api instance of {@code ./chorus bench replicas} (a child JVM on the shared store): the real api, plus a
 * command line on stdin through which the benchmark prepares the trust and starts work in it, answered on stdout
 * with {@code DONE <command> [result]}. Commands: {@code devices DIR N} (N devices over the trust's carers, their
 * tokens in DIR/tokens.txt), {@code units DIR N} (the (carer, child) pairs in DIR/units.txt), {@code survey}
 * (opens one; its id), {@code fan-out ID} (publishes an urgent trust-wide announcement), {@code recount ID},
 * {@code trace-unkeyed} (from then on, the unkeyed answers in flight on stdout: {@link UnkeyedAnswers}),
 * {@code forget-survey ID} and {@code forget-fan-out ID} (a measured run's answers or pushes deleted once counted).
 */
public final class ReplicaApi {

    private ReplicaApi() {
    }

    public static void main(String[] args) throws Exception {
        UnkeyedAnswers unkeyed = new UnkeyedAnswers();
        ConfigurableApplicationContext api = new SpringApplicationBuilder(ChorusApplication.class)
            .initializers(context -> ((GenericApplicationContext) context).registerBean(UnkeyedAnswers.class, () -> unkeyed))
            .run(args);
        System.out.println("REPLICA-API ready");
        System.out.flush();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = commands.readLine()) != null) {
            String[] command = line.trim().split(" ");
            String result;
            try {
                result = "trace-unkeyed".equals(command[0]) ? trace(unkeyed) : run(api, command);
            } catch (RuntimeException e) {
                result = "failed " + e;
            }
            System.out.println("DONE " + command[0] + " " + result);
            System.out.flush();
        }
    }

    private static String trace(UnkeyedAnswers unkeyed) {
        unkeyed.trace();
        return "on";
    }

    private static String run(ConfigurableApplicationContext api, String[] command) throws Exception {
        return switch (command[0]) {
            case "devices" -> String.valueOf(devices(api, Path.of(command[1]), Integer.parseInt(command[2])));
            case "units" -> String.valueOf(units(api, Path.of(command[1]), Integer.parseInt(command[2])));
            case "survey" -> ReplicaSurveys.open(api);
            case "fan-out" -> fanOut(api, command[1]);
            case "recount" -> ReplicaSurveys.recount(api, command[1]);
            case "forget-survey" -> String.valueOf(ReplicaSurveys.forget(api, command[1]));
            case "forget-fan-out" -> String.valueOf(forgetFanOut(api, command[1]));
            default -> "unknown";
        };
    }

    /** Up to 10 devices per carer (the product's limit), as many carers as needed; the tokens written one a line. */
    private static int devices(ConfigurableApplicationContext api, Path dir, int wanted) throws Exception {
        List<AudienceMember> carers = api.getBean(AudienceResolver.class).resolve(Audience.trust(AudienceRole.CARERS))
            .collectList().block();
        int perCarer = Math.min(10, Math.max(1, (wanted + carers.size() - 1) / carers.size()));
        List<Document> people = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (AudienceMember carer : carers) {
            if (tokens.size() >= wanted) {
                break;
            }
            List<Document> devices = new ArrayList<>();
            for (int i = 0; i < perCarer && tokens.size() < wanted; i++) {
                String token = "replica-" + carer.personId() + "-" + i + "-xxxxxxxx";
                tokens.add(token);
                devices.add(new Document("installationId", "phone-" + i).append("token", token)
                    .append("platform", i % 2 == 0 ? "IOS" : "ANDROID").append("appVersion", "2.0.0")
                    .append("locale", "en-GB").append("lastSeen", new Date()));
            }
            people.add(new Document("_id", carer.personId()).append("devices", devices));
        }
        ReactiveMongoTemplate mongo = api.getBean(ReactiveMongoTemplate.class);
        List<String> ids = people.stream().map(person -> person.getString("_id")).toList();
        mongo.getCollection("notification_recipients")
            .flatMap(recipients -> Mono.from(recipients.deleteMany(Filters.in("_id", ids)))
                .thenMany(Flux.fromIterable(people).buffer(5_000).concatMap(chunk -> recipients.insertMany(chunk)))
                .then())
            .block();
        Files.write(dir.resolve("tokens.txt"), tokens);
        return tokens.size();
    }

    private static int units(ConfigurableApplicationContext api, Path dir, int wanted) throws Exception {
        List<String[]> units = ReplicaSurveys.units(api, wanted);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(dir.resolve("units.txt")))) {
            units.forEach(unit -> out.println(unit[0] + " " + unit[1]));
        }
        return units.size();
    }

    private static String fanOut(ConfigurableApplicationContext api, String announcementId) {
        api.getBean(DomainEvents.class).publish(new AnnouncementPublished(announcementId, 1, null,
            Audience.trust(AudienceRole.CARERS), Priority.URGENT, false, Map.of("en", "Snow: school closed"),
            Map.of("en", "Stay at home today."), "en", Instant.now())).block();
        return announcementId;
    }

    /**
     * Deletes what an announcement's fan-out left in the store (its batches, their targets and the job): like
     * {@code forget-survey}, so that each instance count starts on the same store. Returns how many went. (The
     * benchmark's announcements are events without a stored announcement, so no delivered receipts are kept.)
     */
    private static long forgetFanOut(ConfigurableApplicationContext api, String announcementId) {
        ReactiveMongoTemplate mongo = api.getBean(ReactiveMongoTemplate.class);
        String fanOutId = "announcement:" + announcementId + ":v1";
        List<String> batches = mongo.getCollection("notification_batches")
            .flatMapMany(c -> Flux.from(c.find(Filters.eq("fanOutId", fanOutId)).projection(new Document("_id", 1))))
            .map(batch -> batch.getString("_id")).collectList().block();
        return Flux.concat(delete(mongo, "notification_batch_targets", Filters.in("_id", batches)),
                delete(mongo, "notification_batches", Filters.eq("fanOutId", fanOutId)),
                delete(mongo, "notification_fanouts", Filters.eq("_id", fanOutId)))
            .reduce(0L, Long::sum).block();
    }

    private static Mono<Long> delete(ReactiveMongoTemplate mongo, String collection, Bson filter) {
        return mongo.getCollection(collection).flatMap(c -> Mono.from(c.deleteMany(filter))).map(result -> result.getDeletedCount());
    }
}
