package app.chorus.directory.internal.oneroster;

import app.chorus.directory.internal.store.Collections;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the other file sets say about one set's people, taken from the directory's stored person documents instead of
 * those sets' raw rows (ADR 0385): a carer shared with another school costs their own document and their other
 * child's, however many sets hold them. Each stored person names the sources holding them live ({@code rosterSources});
 * what a document says about people the set does not hold (a child at another school) counts only when that person's
 * own document confirms the link. A person whose document predates {@code rosterSources}, or a member of staff held
 * elsewhere (their classes at other schools are not on their document), is left to the other sets' rows
 * ({@link #fromRows()}).
 */
final class StoredNeighbours {

    /** What the other sets hold: as rows, the sources holding each person live, and stored kinds. */
    record Elsewhere(Roster roster, Map<String, Set<String>> sources, Map<String, String> kinds, Map<String, Document> people) {
    }

    private static final List<String> FIELDS = List.of("kind", "givenName", "familyName", "email", "username",
        "preferredLanguage", "accountDisabled", "schoolIds", "yearGroup", "classIds", "carerIds", "children", "hash",
        RosterDocuments.SOURCES);

    private final ReactiveMongoTemplate mongo;
    private final Set<String> notOthers;
    private final RosterDocuments.Scope scope;
    private final Map<String, Document> stored = new TreeMap<>();
    private final Roster roster = new Roster();
    private final Map<String, Set<String>> sources = new HashMap<>();
    private final Map<String, String> kinds = new HashMap<>();
    private final Set<String> fromRows = new HashSet<>();

    StoredNeighbours(ReactiveMongoTemplate mongo, Set<String> notOthers, RosterDocuments.Scope scope) {
        this.mongo = mongo;
        this.notOthers = notOthers;
        this.scope = scope;
    }

    /** From the stored documents of the scope's people and of the people {@code named} by the set's rows. */
    Mono<Elsewhere> of(Set<String> named) {
        Set<String> first = new HashSet<>(scope.people());
        first.addAll(named);
        return read(first).then(Mono.defer(() -> {
            scope.people().stream().map(stored::get).filter(this::unusable).forEach(doc -> fromRows.add(doc.getString("_id")));
            // the links of people no other set holds are confirmed by the other person's own document
            Set<String> unconfirmed = new HashSet<>();
            inScope().filter(doc -> others(doc).isEmpty()).forEach(doc -> unconfirmed.addAll(links(doc, false)));
            unconfirmed.removeAll(stored.keySet());
            return read(unconfirmed).then(Mono.fromSupplier(this::build));
        }));
    }

    /** The people of the scope whose documents cannot say what the other sets hold: to be read from those sets' rows. */
    Set<String> fromRows() {
        return fromRows;
    }

    private Stream<Document> inScope() {
        return stored.values().stream().filter(doc -> scope.people().contains(doc.getString("_id")) && !fromRows.contains(doc.getString("_id")));
    }

    private Mono<Void> read(Set<String> ids) {
        Flux<List<String>> batches = IdBatches.of(ids);
        return mongo.getCollection(Collections.PEOPLE).flatMapMany(people -> batches
                .concatMap(batch -> Flux.from(people.find(Filters.in("_id", batch))
                    .projection(Projections.include(FIELDS)).batchSize(IdBatches.SIZE))))
            .doOnNext(doc -> stored.put(doc.getString("_id"), doc))
            .then();
    }

    /** A document stored before {@code rosterSources}, or staff held by another set. */
    private boolean unusable(Document doc) {
        return doc != null && (!doc.containsKey(RosterDocuments.SOURCES) || "staff".equals(doc.getString("kind")) && !others(doc).isEmpty());
    }

    private Set<String> others(Document doc) {
        Set<String> others = new HashSet<>(doc.getList(RosterDocuments.SOURCES, String.class, List.of()));
        others.removeAll(notOthers);
        return others;
    }

    /** The people a carer's or pupil's document links them to, outside ({@code inScope} false) or inside the scope. */
    private List<String> links(Document doc, boolean inScope) {
        List<String> ids = switch (String.valueOf(doc.getString("kind"))) {
            case "carer" -> doc.getList("children", Document.class, List.of()).stream().map(child -> child.getString("pupilId")).toList();
            case "pupil" -> doc.getList("carerIds", String.class, List.of());
            default -> List.of();
        };
        return ids.stream().filter(id -> id != null && scope.people().contains(id) == inScope).toList();
    }

    /**
     * The links of a scope person to people outside the scope: as stored when another set holds the person (each set
     * holding them rewrites them), else those the other person's own document confirms.
     */
    private List<String> outside(Document doc) {
        String id = doc.getString("_id");
        if (!others(doc).isEmpty()) {
            return links(doc, false);
        }
        return links(doc, false).stream().filter(other -> stored.containsKey(other) && links(stored.get(other), true).contains(id)).toList();
    }

    private Elsewhere build() {
        inScope().forEach(this::shared);
        stored.values().stream().filter(doc -> !scope.people().contains(doc.getString("_id"))).forEach(doc -> {
            if (!"staff".equals(doc.getString("kind"))) {
                person(doc, true, links(doc, true));
            }
        });
        Map<String, Document> people = new HashMap<>();
        stored.forEach((id, doc) -> {
            if (scope.people().contains(id)) {
                people.put(id, doc);
            }
        });
        return new Elsewhere(roster, sources, kinds, people);
    }

    /** A person of the scope another set holds, or linked to people outside the scope. */
    private void shared(Document doc) {
        Set<String> others = others(doc);
        List<String> outside = outside(doc);
        if (others.isEmpty() && outside.isEmpty()) {
            return;
        }
        String id = doc.getString("_id");
        sources.put(id, others);
        person(doc, !others.isEmpty(), outside);
        for (String other : outside) {
            if (!stored.containsKey(other) && "carer".equals(doc.getString("kind"))) {
                doc.getList("children", Document.class, List.of()).stream().filter(child -> other.equals(child.getString("pupilId")))
                    .forEach(child -> child(child, id));
            } else if (!stored.containsKey(other)) {
                roster.users.putIfAbsent(other, new Roster.User(other, false, null, null, null, null, List.of(id), null, null, null, false));
                kinds.put(other, "carer");
            }
        }
    }

    /** A person as their stored document says, live or not, linked to {@code agents}. */
    private void person(Document doc, boolean live, List<String> agents) {
        String id = doc.getString("_id");
        kinds.put(id, doc.getString("kind"));
        boolean pupil = "pupil".equals(doc.getString("kind"));
        List<String> schools = doc.getList("schoolIds", String.class, List.of());
        String school = schools.isEmpty() ? null : schools.get(0);
        roster.users.put(id, new Roster.User(id, !live, doc.getString("username"), doc.getString("givenName"),
            doc.getString("familyName"), doc.getString("email"), agents, pupil ? doc.getString("yearGroup") : null,
            pupil ? school : null, doc.getString("preferredLanguage"), Boolean.TRUE.equals(doc.getBoolean("accountDisabled"))));
        if (pupil && live) {
            placement(id, school, doc.getString("yearGroup"), doc.getList("classIds", String.class, List.of()));
        } else if (!pupil) {
            relationships(doc, agents);
        }
    }

    /** A child at another set's school as their carer's stored document describes them. */
    private void child(Document child, String carerId) {
        String id = child.getString("pupilId");
        if (roster.users.putIfAbsent(id, new Roster.User(id, false, null, child.getString("givenName"), child.getString("familyName"),
            null, List.of(carerId), child.getString("yearGroup"), child.getString("schoolId"), null, false)) == null) {
            placement(id, child.getString("schoolId"), child.getString("yearGroup"), child.getList("classIds", String.class, List.of()));
        }
    }

    /** A pupil at another set's school: a student role there and their classes. */
    private void placement(String id, String school, String yearGroup, List<String> classIds) {
        if (!school(school)) {
            return;
        }
        roster.roles.add(new Roster.UserRole("stored|" + id + "|student", id, false, "student", school));
        for (String classId : classIds) {
            if (!scope.classes().contains(classId)) {
                roster.classes.putIfAbsent(classId, new Roster.SchoolClass(classId, false, null, null, yearGroup, school));
                roster.enrollments.add(new Roster.Enrollment("stored|" + classId + "|" + id, classId, false, id, "student"));
            }
        }
    }

    /** A carer's role at the school of each child linked here, as their stored document names it. */
    private void relationships(Document carer, List<String> children) {
        String id = carer.getString("_id");
        for (Document child : carer.getList("children", Document.class, List.of())) {
            String school = child.getString("schoolId");
            if (children.contains(child.getString("pupilId")) && child.getString("relationship") != null && school(school)) {
                roster.roles.add(new Roster.UserRole("stored|" + id + "|" + school, id, false, child.getString("relationship"), school));
            }
        }
    }

    /** Whether another set's school can be named here: not one of the set's own (or previous) orgs, whose rows decide. */
    private boolean school(String school) {
        if (school == null || scope.orgs().contains(school)) {
            return false;
        }
        roster.orgs.putIfAbsent(school, new Roster.Org(school, false, null, "school", null, null));
        return true;
    }
}
