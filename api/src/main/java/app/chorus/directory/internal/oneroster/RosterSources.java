package app.chorus.directory.internal.oneroster;

import app.chorus.directory.internal.store.Collections;
import app.chorus.platform.SchemaSteps;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
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

    /** Rows per stored chunk of orgs, sessions and classes (a school has a few dozen). */
    static final int CHUNK = 100;
    /**
     * Rows per stored chunk of users, roles and enrollments: small, because finding one person's rows (RosterNeighbours)
     * reads the whole chunk each is in, and one school's import looks up every person it shares with another set.
     */
    static final int PEOPLE_CHUNK = 20;
    /** A stored row's dateLastModified, when its file gave one. */
    static final String MODIFIED = "dateLastModified";

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

    /**
     * The source {@code sourceId} and the sources owning one of {@code schools} (through the index on {@code schools}):
     * the only ones a set can replace or collide with, whatever the number of schools in the trust.
     */
    Flux<Source> about(String sourceId, Collection<String> schools) {
        Criteria same = Criteria.where("_id").is(sourceId);
        Query query = Query.query(schools.isEmpty() ? same : new Criteria().orOperator(same, Criteria.where("schools").in(schools)));
        return mongo.find(query, Document.class, Collections.ROSTER_SOURCES).map(RosterSources::source);
    }

    /** Whether there is a source other than these. */
    Mono<Boolean> anyBut(Collection<String> ids) {
        return mongo.exists(Query.query(Criteria.where("_id").nin(ids)), Collections.ROSTER_SOURCES);
    }

    /** The sources of these ids, by id. */
    Flux<Source> byId(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, Collections.ROSTER_SOURCES)
            .map(RosterSources::source);
    }

    private static Source source(Document doc) {
        return new Source(doc.getString("_id"), doc.getList("schools", String.class), doc.getString("generation"));
    }

    /** Adds the rows of a source's current generation to {@code into}. */
    Mono<Void> load(Source source, Roster into) {
        Roster rows = new Roster();
        Query query = Query.query(Criteria.where("source").is(source.id()).and("generation").is(source.generation()));
        return mongo.find(query, Document.class, Collections.ROSTER_ROWS)
            .doOnNext(chunk -> {
                BiConsumer<String, Document> add = reader(rows);
                chunk.getList("rows", Document.class).forEach(row -> add.accept(chunk.getString("kind"), row));
            })
            .then(Mono.fromRunnable(() -> into.add(rows)));
    }

    /** Writes the roster's rows as a new generation of the source, not yet current; returns the generation. */
    Mono<String> save(String sourceId, Roster roster) {
        String generation = UUID.randomUUID().toString();
        List<Document> chunks = new ArrayList<>();
        chunk(chunks, sourceId, generation, "orgs", roster.orgs.values(), roster.modified);
        chunk(chunks, sourceId, generation, "sessions", roster.sessions.values(), roster.modified);
        chunk(chunks, sourceId, generation, "users", roster.users.values(), roster.modified);
        chunk(chunks, sourceId, generation, "classes", roster.classes.values(), roster.modified);
        chunk(chunks, sourceId, generation, "roles", roster.roles, roster.modified);
        chunk(chunks, sourceId, generation, "enrollments", roster.enrollments, roster.modified);
        return Flux.fromIterable(chunks).buffer(100).concatMap(batch -> mongo.insert(batch, Collections.ROSTER_ROWS))
            .then(Mono.just(generation));
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

    private static void chunk(List<Document> chunks, String source, String generation, String kind, Collection<? extends Record> rows,
                              Map<String, Instant> modified) {
        List<Document> chunk = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (Record row : rows) {
            Document encoded = encode(row);
            Instant changed = modified.get(kind + "/" + encoded.getString("id"));
            chunk.add(changed == null ? encoded : encoded.append(MODIFIED, Date.from(changed)));
            keys.addAll(keysOf(row));
            if (chunk.size() == rowsPerChunk(kind)) {
                chunks.add(chunkOf(source, generation, kind, chunk, keys));
                chunk = new ArrayList<>();
                keys = new LinkedHashSet<>();
            }
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunkOf(source, generation, kind, chunk, keys));
        }
    }

    private static int rowsPerChunk(String kind) {
        return kind.equals("users") || kind.equals("roles") || kind.equals("enrollments") ? PEOPLE_CHUNK : CHUNK;
    }

    private static Document chunkOf(String source, String generation, String kind, List<Document> rows, Set<String> keys) {
        return new Document("source", source).append("generation", generation).append("kind", kind)
            .append("keys", new ArrayList<>(keys)).append("rows", rows).append(SchemaSteps.SCHEMA, RosterChunksKeyed.SCHEMA);
    }

    /** The ids a stored row of {@code kind} is found by (for chunks stored before they carried their keys). */
    static List<String> keysOf(String kind, Document row) {
        return keysOf(decode(row, KINDS.get(kind)));
    }

    /**
     * The ids a row is found by: a user by their own and their agents' ids, a role or enrollment by its person, an org,
     * session or class by its own.
     */
    private static List<String> keysOf(Record row) {
        if (row instanceof Roster.User user) {
            List<String> keys = new ArrayList<>(user.agentIds());
            keys.add(user.id());
            return keys;
        }
        if (row instanceof Roster.UserRole role) {
            return List.of(role.userId());
        }
        if (row instanceof Roster.Enrollment enrollment) {
            return List.of(enrollment.userId());
        }
        return List.of(String.valueOf(row instanceof Roster.Org org ? org.id()
            : row instanceof Roster.Session session ? session.id() : ((Roster.SchoolClass) row).id()));
    }

    /** Adds a stored row of the given kind to {@code into}. */
    static BiConsumer<String, Document> reader(Roster into) {
        return (kind, row) -> {
            Record record = decode(row, KINDS.get(kind));
            if (row.get(MODIFIED) instanceof Date changed) {
                into.modified.put(kind + "/" + row.getString("id"), changed.toInstant());
            }
            switch (kind) {
                case "orgs" -> into.orgs.put(((Roster.Org) record).id(), (Roster.Org) record);
                case "sessions" -> into.sessions.put(((Roster.Session) record).id(), (Roster.Session) record);
                case "users" -> into.users.put(((Roster.User) record).id(), (Roster.User) record);
                case "classes" -> into.classes.put(((Roster.SchoolClass) record).id(), (Roster.SchoolClass) record);
                case "roles" -> into.roles.add((Roster.UserRole) record);
                default -> into.enrollments.add((Roster.Enrollment) record);
            }
        };
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
