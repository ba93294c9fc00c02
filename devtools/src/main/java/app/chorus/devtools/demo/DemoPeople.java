package app.chorus.devtools.demo;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceResolver;
import app.chorus.directory.AudienceRole;
import app.chorus.directory.DirectoryQueries;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The demo logins (keycloak/chorus-realm.json, people of the generated trust) and the many other people of the demo
 * trust, who have no login and take part through the same services.
 */
@Component
class DemoPeople {

    static final String OAKFIELD = "sch-001";
    static final String RIVERSIDE = "sch-002";
    static final CurrentUser LEADER = person("leader.trust", "stf-00001", Role.TRUST_LEADER);
    static final CurrentUser OAKFIELD_HEAD = person("head.oakfield", "stf-00002", Role.SCHOOL_LEADER, Role.STAFF);
    static final CurrentUser TEACHER = person("teacher.oakfield", "stf-00003", Role.STAFF);
    static final CurrentUser RIVERSIDE_HEAD = person("head.riverside", "stf-00006", Role.SCHOOL_LEADER, Role.STAFF);
    static final CurrentUser CARER = person("carer.demo", "car-000001", Role.CARER);
    static final CurrentUser PUPIL = person("pupil.demo", "pup-000001", Role.PUPIL);

    /** A carer and one of their children at a school. */
    record Family(CurrentUser carer, String pupilId, String schoolId) {
    }

    private final AudienceResolver audiences;
    private final DirectoryQueries directory;

    DemoPeople(AudienceResolver audiences, DirectoryQueries directory) {
        this.audiences = audiences;
        this.directory = directory;
    }

    /** Up to {@code most} families, each with a different child, of the schools (every school when none named), other than carer.demo's children. */
    Mono<List<Family>> families(int most, String... schoolIds) {
        Audience audience = schoolIds.length == 0 ? Audience.trust(AudienceRole.CARERS)
            : Audience.schools(Set.of(schoolIds), AudienceRole.CARERS);
        return directory.pupilsCaredFor(CARER.personId()).map(pupil -> pupil.pupilId()).collectList()
            .flatMap(demoChildren -> audiences.resolve(audience)
                .flatMapIterable(member -> member.pupilIds().stream().limit(1)
                    .map(pupil -> new Family(carer(member.personId()), pupil, member.schoolIds().iterator().next())).toList())
                // carer.demo answers for their own children; a child's second carer shares the child's answer and ballot
                .filter(family -> !demoChildren.contains(family.pupilId()))
                .distinct(Family::pupilId)
                .take(most).collectList());
    }

    /** Up to {@code most} people of the audience other than the demo logins, signed in as themselves. */
    Mono<List<CurrentUser>> others(Audience audience, Role role, int most) {
        Set<String> logins = Set.of(LEADER.personId(), OAKFIELD_HEAD.personId(), TEACHER.personId(), RIVERSIDE_HEAD.personId(),
            CARER.personId(), PUPIL.personId(), "stf-00004", "stf-00005");
        return audiences.resolve(audience).map(member -> member.personId()).filter(id -> !logins.contains(id))
            .take(most).map(id -> person(id, id, role)).collectList();
    }

    static CurrentUser carer(String personId) {
        return person(personId, personId, Role.CARER);
    }

    static CurrentUser person(String username, String personId, Role... roles) {
        return new CurrentUser("demo-" + username, username, personId, Set.of(roles));
    }
}
