package app.chorus.directory.internal.store;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import app.chorus.platform.ReadsById;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The current {@link TrustShape}. A read looks up the shape version (shared by the reads in flight together), and
 * that version serves this instance's reads for {@link #VERSION_REUSED_FOR} after it was sent, except after an import
 * here; another replica's import is seen within that time (ADR 0411). The schools and classes are reloaded only when
 * the version changed.
 */
@Component
public class TrustShapes {

    /** How long a version read serves later reads: names and classes of another replica's import show this late. */
    static final Duration VERSION_REUSED_FOR = Duration.ofMillis(500);
    private static final String VERSION_ID = "shape";

    /** A version read, when it was sent ({@link System#nanoTime()}), and the imports done here before it. */
    private record Checked(long version, long sentAt, long importsHere) {
    }

    private final ReactiveMongoTemplate mongo;
    private final AtomicReference<TrustShape> cached = new AtomicReference<>(TrustShape.empty());
    private final AtomicLong importsHere = new AtomicLong();
    private volatile Checked checked;
    // read by nearly every request: those in flight together share one read (ADR 0402)
    private final ReadsById<Document> versions;

    public TrustShapes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        this.versions = new ReadsById<>(ids -> mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, Collections.META),
            doc -> doc.getString("_id"));
    }

    public Mono<TrustShape> current() {
        TrustShape shape = cached.get();
        Checked last = checked;
        if (last != null && last.version() == shape.version() && last.importsHere() == importsHere.get()
            && System.nanoTime() - last.sentAt() < VERSION_REUSED_FOR.toNanos()) {
            return Mono.just(shape);
        }
        return Mono.defer(this::readVersion);
    }

    private Mono<TrustShape> readVersion() {
        long sentAt = System.nanoTime();
        long imports = importsHere.get();
        return version().flatMap(version -> {
            TrustShape shape = cached.get();
            return shape.version() == version ? Mono.just(shape) : load(version).doOnNext(cached::set);
        }).doOnNext(shape -> checked = new Checked(shape.version(), sentAt, imports));
    }

    /** Called after an import changed the directory: this instance's next read looks the version up again. */
    public Mono<Void> changed() {
        return mongo.upsert(Query.query(Criteria.where("_id").is(VERSION_ID)), new Update().inc("version", 1L), Collections.META)
            .doOnSuccess(done -> importsHere.incrementAndGet())
            .then();
    }

    private Mono<Long> version() {
        return versions.find(VERSION_ID)
            .map(doc -> ((Number) doc.get("version")).longValue())
            .defaultIfEmpty(0L);
    }

    @SuppressWarnings("unchecked")
    private Mono<TrustShape> load(long version) {
        Mono<Map<String, Document>> orgs = mongo.findAll(Document.class, Collections.ORGS)
            .collectMap(doc -> doc.getString("_id"), doc -> doc, LinkedHashMap::new);
        Mono<Map<String, TrustShape.SchoolClass>> classes = mongo.findAll(Document.class, Collections.CLASSES)
            .map(doc -> new TrustShape.SchoolClass(doc.getString("_id"), doc.getString("title"), doc.getString("classCode"),
                doc.getString("schoolId"), doc.getString("yearGroup"), (List<String>) doc.get("teacherIds", List.class),
                doc.getInteger("pupilCount", 0)))
            .collectMap(TrustShape.SchoolClass::id, c -> c, LinkedHashMap::new);
        return Mono.zip(orgs, classes).map(both -> {
            Map<String, TrustShape.School> schools = new LinkedHashMap<>();
            String trustName = null;
            for (Document org : both.getT1().values()) {
                if ("school".equals(org.getString("type"))) {
                    schools.put(org.getString("_id"), new TrustShape.School(org.getString("_id"), org.getString("name"),
                        org.getString("phase"), (List<String>) org.get("yearGroups", List.class)));
                } else if ("trust".equals(org.getString("type"))) {
                    trustName = org.getString("name");
                }
            }
            return new TrustShape(version, trustName, Map.copyOf(schools), Map.copyOf(both.getT2()));
        });
    }
}
