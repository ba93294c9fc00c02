package app.chorus.consultations.internal;

import app.chorus.consent.PupilParticipation;
import app.chorus.directory.Access;
import app.chorus.directory.AccessPolicy;
import app.chorus.directory.AudienceRole;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import app.chorus.shared.Problem;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who sees a consultation: those it asks, its managers (owner, leaders of its school, trust leaders) and staff of
 * its schools. Anyone else gets 404, as if it did not exist.
 */
@Component
class ConsultationAccess {

    private final ConsultationStore consultations;
    private final AccessPolicy policy;
    private final Voices voices;
    private final PupilParticipation pupils;

    ConsultationAccess(ConsultationStore consultations, AccessPolicy policy, Voices voices, PupilParticipation pupils) {
        this.consultations = consultations;
        this.policy = policy;
        this.voices = voices;
        this.pupils = pupils;
    }

    /**
     * A pupil under the trust's minimum age reads the consultation but takes part (ideas, supports, comments, local
     * answers) only with a carer's consent: 403 otherwise. Carers speaking for their child are not concerned.
     */
    Mono<Void> oldEnough(Voice voice) {
        return voice.role() == AudienceRole.PUPILS ? pupils.require(voice.personId()) : Mono.empty();
    }

    Mono<Reader> reader(CurrentUser user, String consultationId) {
        return consultations.find(consultationId).flatMap(consultation -> reader(user, consultation))
            .switchIfEmpty(Mono.error(() -> Problem.notFound("Consultation " + consultationId)));
    }

    Mono<Reader> reader(CurrentUser user, Consultation consultation) {
        return policy.accessOf(user).zipWith(voices.of(consultation, user.personId()).collectList())
            .map(both -> new Reader(consultation, user, both.getT1(), both.getT2(), manages(user, both.getT1(), consultation)))
            .filter(reader -> reader.manages() || reader.takesPart() || staffOf(user, reader.access(), consultation));
    }

    Mono<Reader> manager(CurrentUser user, String consultationId) {
        return reader(user, consultationId).filter(Reader::manages)
            .switchIfEmpty(Mono.error(() -> Problems.forbidden("consultationId", "not-a-manager",
                "Only the consultation's owner, the leaders of its school and trust leaders may do this.")));
    }

    static boolean manages(CurrentUser user, Access access, Consultation consultation) {
        if (user.personId() != null && user.personId().equals(consultation.ownerId())) {
            return true;
        }
        if (access.isTrustWide() && user.hasAny(Role.TRUST_LEADER, Role.TRUST_ADMIN)) {
            return true;
        }
        return consultation.schoolId() != null && user.has(Role.SCHOOL_LEADER) && access.leadsSchools().contains(consultation.schoolId());
    }

    private static boolean staffOf(CurrentUser user, Access access, Consultation consultation) {
        return user.hasAny(Role.STAFF, Role.SCHOOL_LEADER, Role.TRUST_LEADER)
            && (consultation.schoolId() == null || access.canReadSchool(consultation.schoolId()));
    }
}
