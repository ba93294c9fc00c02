package app.chorus.rights.internal;

import app.chorus.directory.DirectoryQueries;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import app.chorus.platform.DomainEvents;
import app.chorus.rights.PersonErased;
import app.chorus.shared.Problem;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Erasure of one person, by the privacy officer only; a person the directory does not know answers 404. */
@Service
public class Erasures {

    private final DirectoryQueries directory;
    private final DomainEvents events;

    Erasures(DirectoryQueries directory, DomainEvents events) {
        this.directory = directory;
        this.events = events;
    }

    public Mono<PersonErased> erase(CurrentUser officer, String personId) {
        if (!officer.has(Role.PRIVACY_OFFICER)) {
            return Mono.error(Problem.forbidden("not-privacy-officer", "Only the privacy officer erases a person's data."));
        }
        return directory.person(personId)
            .switchIfEmpty(Mono.error(() -> Problem.notFound("Person " + personId)))
            .map(person -> new PersonErased(personId, officer.personId(), Instant.now().truncatedTo(ChronoUnit.MILLIS)))
            .flatMap(erased -> events.publish(erased).thenReturn(erased));
    }
}
