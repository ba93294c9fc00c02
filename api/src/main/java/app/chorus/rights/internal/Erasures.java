package app.chorus.rights.internal;

import app.chorus.directory.DirectoryQueries;
import app.chorus.directory.RosterLeavers;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import app.chorus.platform.DomainEvents;
import app.chorus.rights.PersonErased;
import app.chorus.shared.Problem;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Erasure of one person: on the privacy officer's request (only theirs; someone neither on the roster nor a leaver
 * answers 404), or by the retention schedule for a leaver whose time is up. Both take the same path: every module
 * acts on {@link PersonErased}, then the directory forgets the leaver.
 */
@Service
public class Erasures {

    private final DirectoryQueries directory;
    private final RosterLeavers leavers;
    private final DomainEvents events;

    Erasures(DirectoryQueries directory, RosterLeavers leavers, DomainEvents events) {
        this.directory = directory;
        this.leavers = leavers;
        this.events = events;
    }

    public Mono<PersonErased> erase(CurrentUser officer, String personId) {
        if (!officer.has(Role.PRIVACY_OFFICER)) {
            return Mono.error(Problem.forbidden("not-privacy-officer", "Only the privacy officer erases a person's data."));
        }
        return directory.person(personId).map(person -> person.id())
            .switchIfEmpty(leavers.leaver(personId).map(RosterLeavers.Leaver::personId))
            .switchIfEmpty(Mono.error(() -> Problem.notFound("Person " + personId)))
            .map(known -> new PersonErased(personId, officer.personId(), Instant.now().truncatedTo(ChronoUnit.MILLIS)))
            .flatMap(this::publish);
    }

    /** Erases a leaver the schedule keeps no longer; the audit records the system as the eraser, with the leaving day. */
    Mono<PersonErased> eraseLeaver(RosterLeavers.Leaver leaver, Instant at) {
        String reason = "a " + leaver.kind() + " who left the roster on " + leaver.leftAt().atZone(ZoneOffset.UTC).toLocalDate()
            + ", kept for the rosterLeavers period";
        return publish(new PersonErased(leaver.personId(), null, at.truncatedTo(ChronoUnit.MILLIS), reason,
            "leaver:" + leaver.erasureId()));
    }

    private Mono<PersonErased> publish(PersonErased erased) {
        return events.publish(erased).then(leavers.forget(erased.personId())).thenReturn(erased);
    }
}
