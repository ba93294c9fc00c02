package app.chorus.consent.internal;

import app.chorus.consent.PupilParticipation;
import app.chorus.directory.DirectoryQueries;
import app.chorus.directory.RosteredPerson;
import app.chorus.shared.Problem;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The minimum age of the pupil's school (the trust's, or the school's where it raised it), met by the year group or a carer's consent. */
@Component
class AgeAndConsent implements PupilParticipation {

    private final MinimumAges ages;
    private final DirectoryQueries directory;
    private final CarerConsents consents;

    AgeAndConsent(MinimumAges ages, DirectoryQueries directory, CarerConsents consents) {
        this.ages = ages;
        this.directory = directory;
        this.consents = consents;
    }

    @Override
    public Mono<Boolean> mayTakePart(String pupilId) {
        return minimumFor(pupilId).flatMap(minimum -> mayTakePart(pupilId, minimum));
    }

    private Mono<Boolean> mayTakePart(String pupilId, int minimum) {
        if (minimum == 0) {
            return Mono.just(true);
        }
        return directory.yearGroupOf(pupilId).map(DirectoryQueries::ageAtStartOfYear)
            .filter(age -> age >= minimum)
            .map(oldEnough -> true)
            .switchIfEmpty(consents.of(pupilId).hasElement());
    }

    @Override
    public Mono<Void> require(String pupilId) {
        return minimumFor(pupilId).flatMap(minimum -> mayTakePart(pupilId, minimum).flatMap(may -> may ? Mono.<Void>empty()
            : Mono.error(Problem.forbidden("carer-consent-needed", "Taking part needs you to be " + minimum + " or older, "
                + "or a parent's or guardian's consent: ask them to give it in Chorus (their child's page), then try again."))));
    }

    private Mono<Integer> minimumFor(String pupilId) {
        return directory.rostered(List.of(pupilId)).next().map(RosteredPerson::schoolIds).defaultIfEmpty(List.of())
            .flatMap(ages::applyingTo);
    }
}
