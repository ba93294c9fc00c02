package app.chorus.consultations.internal;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import app.chorus.questionnaires.Question;
import app.chorus.questionnaires.Questionnaire;
import app.chorus.questionnaires.Section;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Schools' adaptations of adaptable trust-wide consultations. A school's leader adds local questions and a closing
 * date within the trust's window; only people taking part through that school see the questions, and the closing
 * date closes taking part through that school.
 */
@Service
public class LocalEditions {

    private final ReactiveMongoTemplate mongo;
    private final ConsultationAccess access;
    private final Clock clock;

    LocalEditions(ReactiveMongoTemplate mongo, ConsultationAccess access, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.access = access;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public Mono<LocalEdition> adapt(CurrentUser user, String consultationId, String schoolId, List<Question> questions, Instant closesAt) {
        return access.reader(user, consultationId).flatMap(reader -> {
            Consultation consultation = reader.consultation();
            reader.access().requireSchool(schoolId);
            if (!user.hasAny(Role.SCHOOL_LEADER, Role.TRUST_LEADER) || !reader.access().leadsSchools().contains(schoolId)) {
                throw Problems.forbidden("schoolId", "not-a-school-leader", "Only a leader of " + schoolId + " adapts it for the school.");
            }
            Adaptation window = consultation.adaptation();
            if (!consultation.isTrustWide() || !window.adaptable()) {
                throw Problems.conflict("consultationId", "not-adaptable", "This consultation is the same in every school: it cannot be adapted.");
            }
            if (closesAt != null && (closesAt.isBefore(window.closingFrom()) || closesAt.isAfter(window.closingUntil()))) {
                throw Problems.invalid("closesAt", "outside-trust-window", "Choose a closing date between "
                    + window.closingFrom() + " and " + window.closingUntil() + ", the window the trust set.");
            }
            List<Question> local = questions == null ? List.of() : List.copyOf(questions);
            if (!local.isEmpty()) {
                Questionnaire.of(Section.of("local", "Local questions", local.toArray(Question[]::new))).requireWellFormed();
            }
            return mongo.save(new LocalEdition(LocalEdition.idOf(consultationId, schoolId), consultationId, schoolId, local,
                closesAt, clock.instant()));
        });
    }

    /** The editions of the schools through which these voices take part. */
    Flux<LocalEdition> forVoices(Consultation consultation, List<Voice> voices) {
        if (!consultation.isTrustWide() || !consultation.adaptation().adaptable()) {
            return Flux.empty();
        }
        Set<String> ids = voices.stream().map(Voice::schoolId).filter(java.util.Objects::nonNull)
            .map(school -> LocalEdition.idOf(consultation.id(), school)).collect(Collectors.toSet());
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), LocalEdition.class);
    }

    /** Fails when the school this voice takes part through has closed its edition. */
    Mono<Void> requireOpenFor(Consultation consultation, Voice voice, Instant now) {
        return forVoices(consultation, List.of(voice))
            .filter(edition -> edition.closesAt() != null && !edition.closesAt().isAfter(now))
            .next()
            .flatMap(closed -> Mono.<Void>error(Problems.conflict("as", "closed-for-your-school",
                "Taking part through " + closed.schoolId() + " closed at " + closed.closesAt() + ".")))
            .then();
    }

}
