package app.chorus.directory.internal.oneroster;

import app.chorus.directory.internal.store.Collections;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The roster sources of the trust: each is the file set of some schools (one school's MIS, or the whole trust's),
 * keeps the rows of its last import in chunks, and owns its schools. A source's rows are replaced by writing a new
 * generation of chunks and then pointing the source's document at it (one single-document update), so a crash
 * leaves either generation readable, never a mix.
 */
final class RosterSources {

    static final int CHUNK = 1_000;

    record Source(String id, List<String> schools, String generation) {
    }

    private static final Map<String, Class<? extends Record>> KINDS = Map.of("orgs", Roster.Org.class,
        "sessions", Roster.Session.class, "users", Roster.User.class, "classes", Roster.SchoolClass.class,
        "roles", Roster.UserRole.class, "enrollments", Roster.Enrollment.class);

    private final ReactiveMongoTemplate mongo;

    RosterSources(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The source a file set belongs to: named by the schools it holds (or, with none, by its orgs). */
    static String idOf(Roster roster) {
        Collection<String> schools = roster.schools();
        return "schools:" + String.join(",", schools.isEmpty() ? new java.util.TreeSet<>(roster.orgs.keySet()) : schools);
    }

    Flux<Source> all() {
        return mongo.findAll(Document.class, Collections.ROSTER_SOURCES)
            .map(doc -> new Source(doc.getString("_id"), doc.getList("schools", String.class), doc.getString("generation")));
    }

    /** Adds the rows of a source's current generation to {@code into}. */
    Mono<Void> load(Source source, Roster into) {
        Roster rows = new Roster();
        Query query = Query.query(Criteria.where("source").is(source.id()).and("generation").is(source.generation()));
        return mongo.find(query, Document.class, Collections.ROSTER_ROWS)
            .doOnNext(chunk -> read(chunk, rows))
            .then(Mono.fromRunnable(() -> into.add(rows)));
    }

    /** Writes the roster's rows as a new generation of the source, not yet current; returns the generation. */
    Mono<String> save(String sourceId, Roster roster) {
        String generation = UUID.randomUUID().toString();
        List<Document> chunks = new ArrayList<>();
        chunk(chunks, sourceId, generation, "orgs", roster.orgs.values());
        chunk(chunks, sourceId, generation, "sessions", roster.sessions.values());
        chunk(chunks, sourceId, generation, "users", roster.users.values());
        chunk(chunks, sourceId, generation, "classes", roster.classes.values());
        chunk(chunks, sourceId, generation, "roles", roster.roles);
        chunk(chunks, sourceId, generation, "enrollments", roster.enrollments);
        return Flux.fromIterable(chunks).concatMap(chunk -> mongo.insert(chunk, Collections.ROSTER_ROWS)).then(Mono.just(generation));
    }

    /** Makes the generation current (the source now owns its schools) and drops the other generations' chunks. */
    Mono<Void> commit(String sourceId, List<String> schools, String generation) {
        return mongo.upsert(Query.query(Criteria.where("_id").is(sourceId)),
                Update.update("schools", schools).set("generation", generation).set("importedAt", java.time.Instant.now()),
                Collections.ROSTER_SOURCES)
            .then(mongo.remove(Query.query(Criteria.where("source").is(sourceId).and("generation").ne(generation)),
                Collections.ROSTER_ROWS))
            .then();
    }

    /** Forgets a source whose schools are all gone: its schools may then come from another file set. */
    Mono<Void> remove(String sourceId) {
        return mongo.remove(Query.query(Criteria.where("_id").is(sourceId)), Collections.ROSTER_SOURCES)
            .then(mongo.remove(Query.query(Criteria.where("source").is(sourceId)), Collections.ROSTER_ROWS))
            .then();
    }

    private static void chunk(List<Document> chunks, String source, String generation, String kind, Collection<? extends Record> rows) {
        List<Document> chunk = new ArrayList<>();
        for (Record row : rows) {
            chunk.add(encode(row));
            if (chunk.size() == CHUNK) {
                chunks.add(new Document("source", source).append("generation", generation).append("kind", kind).append("rows", chunk));
                chunk = new ArrayList<>();
            }
        }
        if (!chunk.isEmpty()) {
            chunks.add(new Document("source", source).append("generation", generation).append("kind", kind).append("rows", chunk));
        }
    }

    private static void read(Document chunk, Roster into) {
        String kind = chunk.getString("kind");
        Class<? extends Record> type = KINDS.get(kind);
        Consumer<Record> add = switch (kind) {
            case "orgs" -> row -> into.orgs.put(((Roster.Org) row).id(), (Roster.Org) row);
            case "sessions" -> row -> into.sessions.put(((Roster.Session) row).id(), (Roster.Session) row);
            case "users" -> row -> into.users.put(((Roster.User) row).id(), (Roster.User) row);
            case "classes" -> row -> into.classes.put(((Roster.SchoolClass) row).id(), (Roster.SchoolClass) row);
            case "roles" -> row -> into.roles.add((Roster.UserRole) row);
            default -> row -> into.enrollments.add((Roster.Enrollment) row);
        };
        chunk.getList("rows", Document.class).forEach(row -> add.accept(decode(row, type)));
    }

    private static Document encode(Record row) {
        Document doc = new Document();
        try {
            for (RecordComponent component : row.getClass().getRecordComponents()) {
                doc.append(component.getName(), component.getAccessor().invoke(row));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return doc;
    }

    private static Record decode(Document doc, Class<? extends Record> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            Object value = doc.get(components[i].getName());
            values[i] = types[i] == List.class ? List.copyOf(value == null ? List.of() : (List<?>) value)
                : types[i] == boolean.class && value == null ? Boolean.FALSE : value;
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
