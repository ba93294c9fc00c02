package app.chorus.directory.internal.access;

import app.chorus.directory.Access;
import app.chorus.directory.AccessPolicy;
import app.chorus.directory.internal.store.People;
import app.chorus.directory.internal.store.Person;
import app.chorus.directory.internal.store.TrustShapes;
import app.chorus.identity.CurrentUser;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Computes a request's {@link Access}: one primary-key lookup of the person plus the cached trust shape. */
@Component
class RosterAccessPolicy implements AccessPolicy {

    private final People people;
    private final TrustShapes shapes;

    RosterAccessPolicy(People people, TrustShapes shapes) {
        this.people = people;
        this.shapes = shapes;
    }

    @Override
    public Mono<Access> accessOf(CurrentUser user) {
        Mono<Optional<Person>> person = user.isLinkedToPerson()
            ? people.find(user.personId()).map(Optional::of).defaultIfEmpty(Optional.empty())
            : Mono.just(Optional.empty());
        return Mono.zip(person, shapes.current()).map(both -> new RosterAccess(user, both.getT1().orElse(null), both.getT2()));
    }
}
