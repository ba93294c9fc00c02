package app.chorus.directory;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Audience expressions -> people, and a person -> the audience keys they belong to. */
public interface AudienceResolver {

    /**
     * Fails with a 400 {@link app.chorus.shared.Problem} listing every id of the expression that is not
     * in the directory (unknown school, year group or class).
     */
    Mono<Audience> validate(Audience audience);

    /** The distinct people reached, streamed with backpressure (never the whole audience in memory). */
    Flux<AudienceMember> resolve(Audience audience);

    /**
     * {@link #resolve(Audience)} from just after one member (null: from the start), for lists that page through an
     * audience with the last person shown as their cursor. The order of {@code resolve} is stable, so a page resumes
     * where the previous one stopped even when people joined or left in between.
     */
    default Flux<AudienceMember> resolveAfter(Audience audience, String afterPersonId) {
        Flux<AudienceMember> members = resolve(audience);
        if (afterPersonId == null || afterPersonId.isBlank()) {
            return members;
        }
        return members.skipWhile(member -> !member.personId().equals(afterPersonId))
            .skipWhile(member -> member.personId().equals(afterPersonId));
    }

    /** Counts without materialising people. */
    Mono<AudienceReach> reach(Audience audience);

    /**
     * Every audience key the person belongs to; for a carer, from all the pupils they care for
     * (their schools, year groups and classes).
     */
    Mono<Set<String>> keysOf(String personId);

    /** {@link #keysOf(String)} for many people at once (people with no keys are absent from the map). */
    default Mono<Map<String, Set<String>>> keysOf(Collection<String> personIds) {
        return Flux.fromIterable(personIds)
            .flatMap(personId -> keysOf(personId).map(keys -> Map.entry(personId, keys)), 16)
            .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }
}
