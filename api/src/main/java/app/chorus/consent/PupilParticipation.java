package app.chorus.consent;

import reactor.core.publisher.Mono;

/**
 * Whether a pupil may take part in a feature that publishes what they write or how they vote to others. Under the
 * trust's minimum age ({@code chorus.children.minimum-age}, none by default) a pupil takes part only with a parent's
 * or guardian's consent. Age comes from the year group (the age every pupil of it has reached on 1 September), as
 * Chorus keeps no dates of birth.
 */
public interface PupilParticipation {

    Mono<Boolean> mayTakePart(String pupilId);

    /** Completes when the pupil may take part; otherwise fails with a 403 problem saying what to do. */
    Mono<Void> require(String pupilId);
}
