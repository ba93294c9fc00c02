package app.chorus.consent.internal;

import app.chorus.directory.Access;
import app.chorus.directory.AccessPolicy;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import app.chorus.platform.DomainEvents;
import app.chorus.shared.ActRecorded;
import app.chorus.shared.Problem;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The minimum age for pupils to take part without a carer's consent: the trust leaders set the trust's, a school's
 * leaders (or the trust's) may raise their school's above it, never lower. Every change is audited; anyone with a role
 * in a school reads what applies there.
 */
@Service
public class MinimumAgeSettings {

    /** The minimum age to set, 0 (none) to 18. */
    public record MinimumAgeInput(Integer minimumAge) {
    }

    /**
     * @param schoolMinimumAge the school's own age, null when it set none (or for the trust's view)
     * @param minimumAge       the age that applies: the higher of the two
     */
    public record MinimumAgeView(String schoolId, int trustMinimumAge, Integer schoolMinimumAge, int minimumAge) {
    }

    private final MinimumAges ages;
    private final AccessPolicy policy;
    private final DomainEvents events;

    MinimumAgeSettings(MinimumAges ages, AccessPolicy policy, DomainEvents events) {
        this.ages = ages;
        this.policy = policy;
        this.events = events;
    }

    public Mono<MinimumAgeView> trust() {
        return ages.trust().map(age -> new MinimumAgeView(null, age, null, age));
    }

    public Mono<MinimumAgeView> school(CurrentUser user, String schoolId) {
        return policy.accessOf(user).doOnNext(access -> access.requireSchool(schoolId)).then(view(schoolId));
    }

    public Mono<MinimumAgeView> setTrust(CurrentUser user, MinimumAgeInput input) {
        if (!user.has(Role.TRUST_LEADER)) {
            return Mono.error(Problem.forbidden("not-trust-leader", "Only a trust leader sets the trust's minimum age; "
                + "a school's leader may raise their own school's."));
        }
        int age = valid(input, 0);
        return ages.trust().flatMap(before -> before == age ? trust()
            : change(MinimumAges.TRUST, null, user, age, "trust's minimum age " + before + " -> " + age).then(trust()));
    }

    public Mono<MinimumAgeView> setSchool(CurrentUser user, String schoolId, MinimumAgeInput input) {
        return policy.accessOf(user).flatMap(access -> {
            access.requireSchool(schoolId);
            requireLeader(access, schoolId);
            return view(schoolId);
        }).flatMap(current -> {
            int age = valid(input, current.trustMinimumAge());
            if (current.schoolMinimumAge() != null && current.schoolMinimumAge() == age) {
                return Mono.just(current);
            }
            String before = current.schoolMinimumAge() == null ? "none" : current.schoolMinimumAge().toString();
            return change(schoolId, schoolId, user, age, "school's minimum age " + before + " -> " + age).then(view(schoolId));
        });
    }

    private static void requireLeader(Access access, String schoolId) {
        if (!access.leadsSchools().contains(schoolId)) {
            throw Problem.forbidden("not-school-leader", "Only the school's leaders or a trust leader set its minimum age.");
        }
    }

    /** The age asked for, or a problem naming the field and the rule (nothing is written). */
    private static int valid(MinimumAgeInput input, int atLeast) {
        if (input == null || input.minimumAge() == null) {
            throw bad("minimumAge is required: a whole number of years, 0 (no minimum) to 18.");
        }
        int age = input.minimumAge();
        if (age < 0 || age > 18) {
            throw bad("minimumAge must be 0 (no minimum) to 18, not " + age + ".");
        }
        if (age < atLeast) {
            throw bad("minimumAge must be at least the trust's minimum age, " + atLeast + ": a school may raise it, never lower it.");
        }
        return age;
    }

    private static Problem bad(String detail) {
        return Problem.badRequest("bad-minimum-age", detail + " Nothing was changed.").with("field", "minimumAge");
    }

    private Mono<Void> change(String id, String schoolId, CurrentUser user, int age, String reason) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return ages.set(id, age, user.personId(), now).then(events.publish(new ActRecorded("minimum-age:" + id + ":"
            + now.toEpochMilli() + ":" + age, "minimum-age-changed", schoolId, user.personId(), "minimum-age", reason, now)));
    }

    private Mono<MinimumAgeView> view(String schoolId) {
        return ages.of(schoolId).map(found -> new MinimumAgeView(schoolId, found.trust(), found.school(), found.applying()));
    }
}
