package app.chorus.rights.internal;

import app.chorus.directory.DirectoryQueries;
import app.chorus.directory.PersonSummary;
import app.chorus.directory.RosterLeavers;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import app.chorus.platform.DomainEvents;
import app.chorus.rights.PersonalDataSource;
import app.chorus.shared.ActRecorded;
import app.chorus.shared.Problem;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A subject access export: everything Chorus holds naming one person, for the privacy officer or for the person
 * themselves (their own data only); every export is audited.
 */
@Service
public class SubjectAccess {

    static final List<String> NOTES = List.of(
        "Answers to anonymous surveys, ballots and supports in anonymous consultations hold no link to anyone, so they "
            + "cannot be found or included.",
        "Answers to confidential surveys are kept apart from the person and are not included.",
        "Rectification: names, classes and family links come from the school's MIS; correct them there and the next "
            + "roster import corrects Chorus.");

    /** What the export holds: the person as the roster has them, the sections of each module, and what is left out. */
    public record Export(PersonSummary person, Map<String, List<Map<String, Object>>> sections, List<String> notes) {
    }

    private final DirectoryQueries directory;
    private final ObjectProvider<PersonalDataSource> sources;
    private final DomainEvents events;
    private final RosterLeavers leavers;

    SubjectAccess(DirectoryQueries directory, ObjectProvider<PersonalDataSource> sources, DomainEvents events,
                  RosterLeavers leavers) {
        this.directory = directory;
        this.leavers = leavers;
        this.sources = sources;
        this.events = events;
    }

    /** A subject access archive: the zip's name and its bytes, written while they are sent. */
    public record Archive(String filename, Flux<DataBuffer> content) {
    }

    public Mono<Export> export(CurrentUser officer, String personId) {
        if (!officer.has(Role.PRIVACY_OFFICER)) {
            return Mono.error(Problem.forbidden("not-privacy-officer", "Only the privacy officer exports a person's data."));
        }
        return exportOf(personId, officer.personId(), "subject-access-exported");
    }

    /** The signed-in person's own export: the same sections as the privacy officer's, about them and nobody else. */
    public Mono<Export> mine(CurrentUser user) {
        if (!user.isLinkedToPerson()) {
            return Mono.error(notLinked());
        }
        return exportOf(user.personId(), user.personId(), "subject-access-self-exported");
    }

    /** The privacy officer's export as a zip of CSV files and attachments (audited when it starts). */
    public Mono<Archive> archive(CurrentUser officer, String personId) {
        if (!officer.has(Role.PRIVACY_OFFICER)) {
            return Mono.error(Problem.forbidden("not-privacy-officer", "Only the privacy officer exports a person's data."));
        }
        return archiveOf(personId, officer.personId(), "subject-access-exported", personId + "-data.zip");
    }

    /** The signed-in person's own export as a zip. */
    public Mono<Archive> myArchive(CurrentUser user) {
        if (!user.isLinkedToPerson()) {
            return Mono.error(notLinked());
        }
        return archiveOf(user.personId(), user.personId(), "subject-access-self-exported", "my-chorus-data.zip");
    }

    private Mono<Archive> archiveOf(String personId, String actorId, String act, String filename) {
        return subject(personId).flatMap(person -> audit(act, actorId, "as a zip archive")
            .thenReturn(new Archive(filename, SubjectAccessArchive.of(person, sources.orderedStream().toList(), NOTES))));
    }

    private static Problem notLinked() {
        return Problem.forbidden("not-a-directory-person", "Your login is not linked to a person of the trust's directory, "
            + "so Chorus holds no personal data under it. Ask the trust admin.");
    }

    private Mono<PersonSummary> subject(String personId) {
        return directory.person(personId)
            .switchIfEmpty(leavers.leaver(personId).map(SubjectAccess::asLeaver))
            .switchIfEmpty(Mono.error(() -> Problem.notFound("Person " + personId)));
    }

    private Mono<Void> audit(String act, String actorId, String format) {
        return events.publish(new ActRecorded("subject-access:" + UUID.randomUUID(), act, null, actorId, "person", format, null));
    }

    private Mono<Export> exportOf(String personId, String actorId, String act) {
        return subject(personId)
            .flatMap(person -> Flux.fromStream(sources.orderedStream())
                .concatMap(source -> source.about(personId).collectList().map(items -> Map.entry(source.section(), items)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, TreeMap::new)
                .map(sections -> new Export(person, sections, NOTES)))
            .flatMap(export -> audit(act, actorId, null).thenReturn(export));
    }

    /** A leaver until the schedule erases them: the roster no longer gives their name. */
    private static PersonSummary asLeaver(RosterLeavers.Leaver leaver) {
        return new PersonSummary(leaver.personId(), null, null, null, leaver.kind(), null);
    }
}
