package app.chorus.consent.internal;

import app.chorus.directory.DirectoryQueries;
import app.chorus.identity.CurrentUser;
import app.chorus.platform.DomainEvents;
import app.chorus.shared.ActRecorded;
import app.chorus.shared.Problem;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
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

    /**
     * A child of the carer under their school's minimum age, with their consent.
     *
     * @param age the age every pupil of the year group has reached on 1 September; null when the roster gives no year group
     */
    public record ChildConsent(String pupilId, String givenName, String familyName, String schoolId, String schoolName,
                               String yearGroup, Integer age, int minimumAge, boolean given, String givenBy, Instant givenAt) {
    }

    private final DirectoryQueries directory;
    private final CarerConsents consents;
    private final MinimumAges ages;
    private final DomainEvents events;

    ConsentManagement(DirectoryQueries directory, CarerConsents consents, MinimumAges ages, DomainEvents events) {
        this.directory = directory;
        this.consents = consents;
        this.ages = ages;
        this.events = events;
    }

    /** The signed-in parent's or guardian's children under their school's minimum age (none for anyone else). */
    public Flux<ChildConsent> children(CurrentUser carer) {
        if (!carer.isLinkedToPerson()) {
            return Flux.empty();
        }
        return directory.pupilsCaredFor(carer.personId()).filter(DirectoryQueries.CaredForPupil::parentOrGuardian)
            .concatMap(child -> ages.of(child.schoolId()).flatMap(found -> {
                int minimum = found.applying();
                Integer age = child.yearGroup() == null ? null : DirectoryQueries.ageAtStartOfYear(child.yearGroup());
                if (minimum == 0 || age != null && age >= minimum) {
                    return Mono.empty();
                }
                return consents.of(child.pupilId()).map(Optional::of).defaultIfEmpty(Optional.empty())
                    .map(consent -> new ChildConsent(child.pupilId(), child.givenName(), child.familyName(), child.schoolId(),
                        child.schoolName(), child.yearGroup(), age, minimum, consent.isPresent(),
                        consent.map(CarerConsents.Consent::givenBy).orElse(null),
                        consent.map(CarerConsents.Consent::givenAt).orElse(null)));
            }));
    }

    public Mono<ConsentView> read(CurrentUser carer, String pupilId) {
        return schoolOfOwnChild(carer, pupilId).flatMap(school -> view(pupilId, school));
    }

    public Mono<ConsentView> give(CurrentUser carer, String pupilId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return schoolOfOwnChild(carer, pupilId).flatMap(school -> consents.of(pupilId).hasElement().flatMap(had -> had
            ? Mono.<Void>empty()
            : consents.give(pupilId, carer.personId(), now).then(audit("participation-consent-given", school, carer, pupilId, now)))
            .then(view(pupilId, school)));
    }

    public Mono<ConsentView> withdraw(CurrentUser carer, String pupilId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return schoolOfOwnChild(carer, pupilId).flatMap(school -> consents.withdraw(pupilId).flatMap(had -> had
            ? audit("participation-consent-withdrawn", school, carer, pupilId, now) : Mono.<Void>empty())
            .then(view(pupilId, school)));
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

    private Mono<ConsentView> view(String pupilId, String schoolId) {
        return ages.of(schoolId).map(MinimumAges.Ages::applying).flatMap(minimum -> consents.of(pupilId)
            .map(consent -> new ConsentView(pupilId, true, consent.givenBy(), consent.givenAt(), minimum))
            .defaultIfEmpty(new ConsentView(pupilId, false, null, null, minimum)));
    }
}
