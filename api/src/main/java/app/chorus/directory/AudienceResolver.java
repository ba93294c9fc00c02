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
