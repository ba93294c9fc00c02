package app.chorus.directory.internal.oneroster;

import app.chorus.directory.internal.store.Collections;
import com.mongodb.client.model.Filters;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The rows other file sets hold that the documents of one set's people need, found through the {@code keys} of the
 * stored chunks (ADR 0250) instead of by reading every other set: the rows of those people themselves (a carer whose
 * other child is at another school, a teacher at two schools) and of the people they name as agents (that child, with
 * their classes and schools). The work follows the people the set shares with other sets, not the size of the trust.
 */
final class RosterNeighbours {

    private final ReactiveMongoTemplate mongo;
    private final RosterSources sources;
    /** The sources whose rows are not wanted: the set's own and those it replaces. */
    private final Set<String> notOthers;
    /**
     * The current generation of each other source a chunk was found in, looked up when first met (ADR 0337): reading
     * every source of the trust would cost what the trust holds.
     */
    private final Map<String, String> generations = new HashMap<>();
    private final Map<String, Roster> bySource = new TreeMap<>();
    private final Set<String> asked = new HashSet<>();

    RosterNeighbours(ReactiveMongoTemplate mongo, RosterSources sources, Set<String> notOthers) {
        this.mongo = mongo;
        this.sources = sources;
        this.notOthers = notOthers;
    }

    /**
     * The other sources' rows about {@code people}, one roster per source in source id order (empty when there are
     * none). The orgs and classes of {@code held} (those the set holds itself, whose rows win the merge) are not read.
     * The caller has made sure other sets are stored.
     */
    Mono<Map<String, Roster>> of(Set<String> people, Set<String> held) {
        if (people.isEmpty()) {
            return Mono.just(Map.of());
        }
        return find(people, held);
    }

    private Mono<Map<String, Roster>> find(Set<String> people, Set<String> held) {
        asked.addAll(held);
        Set<String> agents = new HashSet<>();
        Set<String> records = new HashSet<>();
        return people(people, true, agents, records)
            .then(Mono.defer(() -> people(fresh(agents), false, new HashSet<>(), records)))
            .then(Mono.defer(() -> records(fresh(records), records)))
            .then(Mono.defer(() -> records(fresh(records), new HashSet<>())))
            .then(Mono.fromSupplier(() -> new TreeMap<>(bySource)));
    }

    /**
     * The user, role and enrollment rows of {@code people} (with {@code named}: also the users naming one of them as an
     * agent); collects the people they name and the orgs and classes they point at.
     */
    private Mono<Void> people(Set<String> people, boolean named, Set<String> agents, Set<String> records) {
        return chunks(people, (kind, row) -> switch (kind) {
            case "users" -> {
                List<String> rowAgents = row.getList("agentIds", String.class, List.of());
                if (people.contains(row.getString("id")) || named && rowAgents.stream().anyMatch(people::contains)) {
                    agents.add(row.getString("id"));
                    agents.addAll(rowAgents);
                    add(records, row.getString("primaryOrgId"));
                    yield true;
                }
                yield false;
            }
            case "roles", "enrollments" -> {
                if (people.contains(row.getString("userId"))) {
                    add(records, row.getString(kind.equals("roles") ? "orgId" : "classId"));
                    yield true;
                }
                yield false;
            }
            default -> false;
        });
    }

    /** The org and class rows of {@code ids}; collects the schools of the classes into {@code schools}. */
    private Mono<Void> records(Set<String> ids, Set<String> schools) {
        return chunks(ids, (kind, row) -> {
            if ((kind.equals("orgs") || kind.equals("classes")) && ids.contains(row.getString("id"))) {
                add(schools, row.getString("schoolId"));
                return true;
            }
            return false;
        });
    }

    private interface Keep {
        boolean test(String kind, Document row);
    }

    /** Reads the chunks whose keys hold one of {@code ids} and adds the rows {@code keep} wants to their source's roster. */
    private Mono<Void> chunks(Set<String> ids, Keep keep) {
        if (ids.isEmpty()) {
            return Mono.empty();
        }
        asked.addAll(ids);
        Flux<List<String>> batches = IdBatches.of(ids);
        // only the $in on keys, so the store answers it from the index alone; source and generation are checked here
        return mongo.getCollection(Collections.ROSTER_ROWS).flatMapMany(rows -> batches
                .concatMap(batch -> Flux.from(rows.find(Filters.in("keys", batch)).batchSize(200))
                    .filter(chunk -> !notOthers.contains(chunk.getString("source")))
                    .collectList()
                    .flatMap(chunks -> current(chunks).then(Mono.fromRunnable(() -> keep(chunks, keep))))))
            .then();
    }

    /** Adds the rows {@code keep} wants of the chunks of their source's current generation to that source's roster. */
    private void keep(List<Document> chunks, Keep keep) {
        for (Document chunk : chunks) {
            String source = chunk.getString("source");
            if (chunk.getString("generation").equals(generations.get(source))) {
                String kind = chunk.getString("kind");
                BiConsumer<String, Document> into = RosterSources.reader(bySource.computeIfAbsent(source, id -> new Roster()));
                chunk.getList("rows", Document.class).stream().filter(row -> keep.test(kind, row)).forEach(row -> into.accept(kind, row));
            }
        }
    }

    /** Looks up the current generation of the sources of these chunks not met before (a source gone since has none). */
    private Mono<Void> current(List<Document> chunks) {
        Set<String> unknown = new TreeSet<>();
        chunks.forEach(chunk -> unknown.add(chunk.getString("source")));
        unknown.removeAll(generations.keySet());
        if (unknown.isEmpty()) {
            return Mono.empty();
        }
        return sources.byId(unknown).doOnNext(source -> generations.put(source.id(), source.generation()))
            .then(Mono.fromRunnable(() -> unknown.forEach(id -> generations.putIfAbsent(id, ""))));
    }

    private Set<String> fresh(Set<String> ids) {
        Set<String> fresh = new HashSet<>(ids);
        fresh.removeAll(asked);
        return fresh;
    }

    private static void add(Set<String> ids, String id) {
        if (id != null && !id.isBlank()) {
            ids.add(id);
        }
    }
}
