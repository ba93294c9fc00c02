package app.chorus.directory.internal.search;

import app.chorus.directory.AccessPolicy;
import app.chorus.directory.internal.store.Collections;
import app.chorus.directory.internal.store.PersonNames;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import app.chorus.shared.Page;
import app.chorus.shared.Problem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Staff find a carer, pupil or colleague by name (ADR 0327): every word typed is the start of a word of the person's
 * name, case and accents ignored; only people of the schools the caller works in (every school for trust-wide roles)
 * are found, and only those schools are named in the answer. One indexed read of a page, ordered by family then given
 * name, with a cursor after the last one shown.
 */
@Service
public class PeopleSearch {

    public static final int MOST = 50;
    private static final Set<String> KINDS = Set.of("carer", "pupil", "staff");
    private static final Set<Role> STAFF_ROLES = Set.of(Role.STAFF, Role.SCHOOL_LEADER, Role.SAFEGUARDING_LEAD, Role.TRUST_LEADER,
        Role.TRUST_ADMIN, Role.PRIVACY_OFFICER);
    private final AccessPolicy policy;
    private final ReactiveMongoTemplate mongo;

    PeopleSearch(AccessPolicy policy, ReactiveMongoTemplate mongo) {
        this.policy = policy;
        this.mongo = mongo;
    }

    /** A person found; {@code schoolIds} and {@code children} are only those of the caller's schools. */
    public record PersonMatch(String id, String givenName, String familyName, String kind, List<String> schoolIds, List<ChildMatch> children) {
    }

    /** A carer's child at one of the caller's schools, to tell two carers of the same name apart. */
    public record ChildMatch(String pupilId, String givenName, String familyName, String schoolId) {
    }

    public Mono<Page<PersonMatch>> byName(CurrentUser user, String name, String kind, String cursor, int limit) {
        if (STAFF_ROLES.stream().noneMatch(user::has)) {
            return Mono.error(Problem.forbidden("staff-only", "Only staff of a school look people up by name.").with("field", "name"));
        }
        List<String> words = PersonNames.words(name).stream().filter(word -> word.length() >= PersonNames.SHORTEST).toList();
        if (words.isEmpty() || name.length() > 100) {
            return Mono.error(Problem.badRequest("name-too-short", "Type at least " + PersonNames.SHORTEST
                + " letters of a name (and at most 100 characters).").with("field", "name").with("rule", "2-100-characters"));
        }
        if (kind != null && !KINDS.contains(kind)) {
            return Mono.error(Problem.badRequest("unknown-kind", "kind is one of carer, pupil or staff.").with("field", "kind"));
        }
        if (limit < 1) {
            return Mono.error(Problem.badRequest("bad-limit", "limit must be at least 1 (pages hold up to " + MOST + ").").with("field", "limit"));
        }
        String[] after = After.decode(cursor);
        return policy.accessOf(user).flatMap(access -> {
            Set<String> schools = access.schools();
            if (schools.isEmpty()) {
                return Mono.just(Page.<PersonMatch>of(List.of(), null));
            }
            int size = Math.min(limit, MOST);
            return mongo.find(query(words, kind, schools, after, size), Document.class, Collections.PEOPLE).collectList()
                .map(found -> Page.of(found.stream().limit(size).map(person -> match(person, schools)).toList(),
                    found.size() > size ? After.encode(found.get(size - 1)) : null));
        });
    }

    private static Query query(List<String> words, String kind, Set<String> schools, String[] after, int size) {
        // the first word at the top level: the store's index on nameKeys serves it; the others are matched on its candidates
        Criteria criteria = Criteria.where(PersonNames.KEYS).is(words.get(0)).and("schoolIds").in(schools);
        if (words.size() > 1) {
            criteria.andOperator(words.subList(1, words.size()).stream().map(word -> Criteria.where(PersonNames.KEYS).is(word)).toArray(Criteria[]::new));
        }
        if (kind != null) {
            criteria.and("kind").is(kind);
        }
        if (after != null) {
            criteria.orOperator(Criteria.where(PersonNames.SORT).gt(after[0]),
                Criteria.where(PersonNames.SORT).is(after[0]).and("_id").gt(after[1]));
        }
        return Query.query(criteria).with(Sort.by(PersonNames.SORT, "_id")).limit(size + 1);
    }

    private static PersonMatch match(Document person, Set<String> schools) {
        List<String> ofCaller = person.getList("schoolIds", String.class, List.of()).stream().filter(schools::contains).toList();
        List<ChildMatch> children = person.getList("children", Document.class, List.of()).stream()
            .filter(child -> schools.contains(child.getString("schoolId")))
            .map(child -> new ChildMatch(child.getString("pupilId"), child.getString("givenName"), child.getString("familyName"),
                child.getString("schoolId")))
            .toList();
        return new PersonMatch(person.getString("_id"), person.getString("givenName"), person.getString("familyName"), person.getString("kind"),
            ofCaller, children);
    }

    /** The cursor: the sort name and id of the last person shown, base64url-encoded. */
    static final class After {
        private After() {
        }

        static String encode(Document last) {
            String value = last.getString(PersonNames.SORT) + "\u0000" + last.getString("_id");
            return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
        }

        static String[] decode(String cursor) {
            if (cursor == null || cursor.isEmpty()) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\u0000", 2);
                if (parts.length == 2) {
                    return parts;
                }
            } catch (IllegalArgumentException malformed) {
                // falls through to the problem below
            }
            throw Problem.badRequest("bad-cursor", "The cursor is not one this list gave out: start again without it.").with("field", "cursor");
        }
    }
}
