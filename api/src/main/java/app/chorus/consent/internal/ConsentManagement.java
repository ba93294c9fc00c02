package app.chorus.consent.internal;

import app.chorus.directory.DirectoryQueries;
import app.chorus.identity.CurrentUser;
import app.chorus.platform.DomainEvents;
import app.chorus.shared.ActRecorded;
import app.chorus.shared.Problem;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A parent or guardian gives or withdraws consent for their child to take part under the minimum age; both are
 * audited on the child's school's chain. Anyone else, other relatives included, gets 404 for the child.
 */
@Service
public class ConsentManagement {

    /** The consent as the api shows it; {@code given} false with nulls when there is none. */
    public record ConsentView(String pupilId, boolean given, String givenBy, Instant givenAt, int minimumAge) {
    }

    private final DirectoryQueries directory;
    private final CarerConsents consents;
    private final ChildrenProperties children;
    private final DomainEvents events;

    ConsentManagement(DirectoryQueries directory, CarerConsents consents, ChildrenProperties children, DomainEvents events) {
        this.directory = directory;
        this.consents = consents;
        this.children = children;
        this.events = events;
    }

    public Mono<ConsentView> read(CurrentUser carer, String pupilId) {
        return schoolOfOwnChild(carer, pupilId).then(view(pupilId));
    }

    public Mono<ConsentView> give(CurrentUser carer, String pupilId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return schoolOfOwnChild(carer, pupilId).flatMap(school -> consents.of(pupilId).hasElement().flatMap(had -> had
            ? Mono.<Void>empty()
            : consents.give(pupilId, carer.personId(), now).then(audit("participation-consent-given", school, carer, pupilId, now))))
            .then(view(pupilId));
    }

    public Mono<ConsentView> withdraw(CurrentUser carer, String pupilId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return schoolOfOwnChild(carer, pupilId).flatMap(school -> consents.withdraw(pupilId).flatMap(had -> had
            ? audit("participation-consent-withdrawn", school, carer, pupilId, now) : Mono.<Void>empty()))
            .then(view(pupilId));
    }

    private Mono<String> schoolOfOwnChild(CurrentUser carer, String pupilId) {
        return directory.pupilsCaredFor(carer.personId() == null ? "" : carer.personId())
            .filter(child -> child.pupilId().equals(pupilId) && child.parentOrGuardian())
            .next().map(DirectoryQueries.CaredForPupil::schoolId)
            .switchIfEmpty(Mono.error(() -> Problem.notFound("Your child " + pupilId)));
    }

    private Mono<Void> audit(String kind, String school, CurrentUser carer, String pupilId, Instant at) {
        return events.publish(new ActRecorded(kind + ":" + java.util.UUID.randomUUID(), kind, school, carer.personId(),
            "pupil", null, at));
    }

    private Mono<ConsentView> view(String pupilId) {
        return consents.of(pupilId)
            .map(consent -> new ConsentView(pupilId, true, consent.givenBy(), consent.givenAt(), children.minimumAge()))
            .defaultIfEmpty(new ConsentView(pupilId, false, null, null, children.minimumAge()));
    }
}
