package app.chorus.consultations.internal;

import app.chorus.directory.AudienceMember;
import app.chorus.directory.AudienceResolver;
import app.chorus.directory.AudienceRole;
import app.chorus.directory.DirectoryQueries;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who may take part, and with which voices. Read from the directory now, and, for consultations fixed at opening,
 * only for people in the roster snapshot taken when the consultation opened ({@code consultation_eligible}).
 */
@Component
class Voices {

    static final String SNAPSHOT = "consultation_eligible";
    private final AudienceResolver audiences;
    private final DirectoryQueries directory;
    private final ReactiveMongoTemplate mongo;

    Voices(AudienceResolver audiences, DirectoryQueries directory, ReactiveMongoTemplate mongo) {
        this.audiences = audiences;
        this.directory = directory;
        this.mongo = mongo;
    }

    Flux<Voice> of(Consultation consultation, String personId) {
        if (personId == null || personId.isBlank()) {
            return Flux.empty();
        }
        Flux<Voice> now = Flux.concat(childVoices(consultation, personId), selfVoice(consultation, personId));
        if (consultation.eligibility() != EligibilityMode.SNAPSHOT_AT_OPENING) {
            return now;
        }
        return mongo.findById(consultation.id() + "|" + personId, Document.class, SNAPSHOT)
            .flatMapMany(snapshot -> now.filter(voice -> voice.pupilId() == null
                || snapshot.getList("pupilIds", String.class, java.util.List.of()).contains(voice.pupilId())));
    }

    /** Stores who may take part as the consultation opens (once: repeated snapshots change nothing). */
    Mono<Void> snapshot(Consultation consultation) {
        if (consultation.eligibility() != EligibilityMode.SNAPSHOT_AT_OPENING) {
            return Mono.empty();
        }
        return audiences.resolve(consultation.audience())
            .map(member -> snapshotOf(consultation.id(), member))
            .buffer(500)
            .concatMap(batch -> mongo.insert(batch, SNAPSHOT).onErrorResume(DuplicateKeyException.class, e -> Flux.empty()).then())
            .then();
    }

    private static Document snapshotOf(String consultationId, AudienceMember member) {
        return new Document("_id", consultationId + "|" + member.personId()).append("consultationId", consultationId)
            .append("personId", member.personId()).append("role", member.role().name())
            .append("pupilIds", java.util.List.copyOf(member.pupilIds() == null ? Set.of() : member.pupilIds()));
    }

    private Flux<Voice> childVoices(Consultation consultation, String carerId) {
        if (!consultation.audience().roles().contains(AudienceRole.CARERS)) {
            return Flux.empty();
        }
        Set<String> audienceKeys = consultation.audience().keys();
        return directory.pupilsCaredFor(carerId)
            .filter(pupil -> pupil.carerKeys().stream().anyMatch(audienceKeys::contains))
            .map(pupil -> new Voice(consultation.carerVoice() == CarerVoice.EACH_CARER_PER_CHILD
                    ? "carer:" + carerId + ":pupil:" + pupil.pupilId() : "pupil:" + pupil.pupilId(),
                pupil.pupilId(), pupil.givenName() + " (" + pupil.schoolName() + ")", carerId, pupil.pupilId(),
                pupil.schoolId(), pupil.yearGroup(), AudienceRole.CARERS));
    }

    private Mono<Voice> selfVoice(Consultation consultation, String personId) {
        Set<AudienceRole> roles = consultation.audience().roles();
        if (!roles.contains(AudienceRole.STAFF) && !roles.contains(AudienceRole.PUPILS)) {
            return Mono.empty(); // a carers' consultation: no need to read the person's keys
        }
        Set<String> audienceKeys = consultation.audience().keys();
        return audiences.keysOf(personId).flatMap(keys -> {
            for (AudienceRole role : new AudienceRole[] {AudienceRole.STAFF, AudienceRole.PUPILS}) {
                String suffix = "/" + role.key();
                if (consultation.audience().roles().contains(role)
                    && keys.stream().anyMatch(key -> key.endsWith(suffix) && audienceKeys.contains(key))) {
                    String school = keys.stream().filter(key -> key.startsWith("school:") && key.endsWith(suffix))
                        .map(key -> key.substring("school:".length(), key.length() - suffix.length()))
                        .filter(id -> consultation.schoolId() == null || id.equals(consultation.schoolId()))
                        .findFirst().orElse(consultation.schoolId());
                    String yearPrefix = "year:" + school + ":";
                    String year = keys.stream().filter(key -> key.startsWith(yearPrefix) && key.endsWith(suffix))
                        .map(key -> key.substring(yearPrefix.length(), key.length() - suffix.length())).findFirst().orElse(null);
                    return Mono.just(new Voice("person:" + personId, Voice.SELF, "You", personId, null, school, year, role));
                }
            }
            return Mono.empty();
        });
    }
}
