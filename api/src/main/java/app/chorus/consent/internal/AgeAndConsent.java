package app.chorus.consent.internal;

import app.chorus.consent.PupilParticipation;
import app.chorus.directory.DirectoryQueries;
import app.chorus.shared.Problem;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The trust's minimum age, met by the pupil's year group or by a carer's consent. */
@Component
class AgeAndConsent implements PupilParticipation {

    private final ChildrenProperties children;
    private final DirectoryQueries directory;
    private final CarerConsents consents;

    AgeAndConsent(ChildrenProperties children, DirectoryQueries directory, CarerConsents consents) {
        this.children = children;
        this.directory = directory;
        this.consents = consents;
    }

    @Override
    public Mono<Boolean> mayTakePart(String pupilId) {
        if (children.minimumAge() == 0) {
            return Mono.just(true);
        }
        return directory.yearGroupOf(pupilId).map(DirectoryQueries::ageAtStartOfYear)
            .filter(age -> age >= children.minimumAge())
            .map(oldEnough -> true)
            .switchIfEmpty(consents.of(pupilId).hasElement());
    }

    @Override
    public Mono<Void> require(String pupilId) {
        return mayTakePart(pupilId).flatMap(may -> may ? Mono.<Void>empty() : Mono.error(Problem.forbidden(
            "carer-consent-needed", "Taking part needs you to be " + children.minimumAge() + " or older, or a parent's "
                + "or guardian's consent: ask them to give it in Chorus (their child's page), then try again.")));
    }
}
