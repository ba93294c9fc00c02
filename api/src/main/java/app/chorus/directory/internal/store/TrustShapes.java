package app.chorus.directory.internal.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The current {@link TrustShape}. Each read costs one primary-key lookup of the shape version (so every api
 * replica sees an import at once), shared by the reads in flight together; the schools and classes are reloaded only
 * when it changed.
 */
@Component
public class TrustShapes {

    private static final String VERSION_ID = "shape";

    private final ReactiveMongoTemplate mongo;
    private final AtomicReference<TrustShape> cached = new AtomicReference<>(TrustShape.empty());
    // read by nearly every request: those in flight together share one read (ADR 0402)
    private final ReadsById<Document> versions;

    public TrustShapes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        this.versions = new ReadsById<>(ids -> mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, Collections.META),
            doc -> doc.getString("_id"));
    }

    public Mono<TrustShape> current() {
        return version().flatMap(version -> {
            TrustShape shape = cached.get();
            return shape.version() == version ? Mono.just(shape) : load(version).doOnNext(cached::set);
        });
    }

    /** Called after an import changed the directory. */
    public Mono<Void> changed() {
        return mongo.upsert(Query.query(Criteria.where("_id").is(VERSION_ID)), new Update().inc("version", 1L), Collections.META)
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
