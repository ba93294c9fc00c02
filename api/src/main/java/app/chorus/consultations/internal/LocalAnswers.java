package app.chorus.consultations.internal;

import app.chorus.consultations.Phase;
import app.chorus.identity.CurrentUser;
import app.chorus.questionnaires.QuestionResult;
import app.chorus.questionnaires.Questionnaire;
import app.chorus.questionnaires.Section;
import app.chorus.questionnaires.Tally;
import app.chorus.shared.Problem;
import app.chorus.shared.SmallGroups;
import java.time.Clock;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Answers to a school's local questions in an adaptable trust-wide consultation: given once per voice by those taking
 * part through that school, while taking part is open there. Only what the answers add to the counters is stored (no
 * answer text, no person), one document per voice ({@code consultation_local_answers}), so a crash cannot leave a
 * count short: results are summed from them. The school's and the trust's leaders read the results, hidden while
 * fewer people than the trust's smallest group have answered.
 */
@Service
public class LocalAnswers {

    static final String COLLECTION = "consultation_local_answers";
    private static final Set<Phase> TAKING_PART = EnumSet.of(Phase.IDEAS, Phase.DELIBERATION, Phase.DECISION);
    private final ReactiveMongoTemplate mongo;
    private final ConsultationAccess access;
    private final LocalEditions editions;
    private final Supports supports;
    private final Participants participants;
    private final SmallGroups smallGroups;
    private final Clock clock;

    LocalAnswers(ReactiveMongoTemplate mongo, ConsultationAccess access, LocalEditions editions, Supports supports,
                 Participants participants, SmallGroups smallGroups, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.access = access;
        this.editions = editions;
        this.supports = supports;
        this.participants = participants;
        this.smallGroups = smallGroups;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** What answering left: the school answered through. */
    public record Receipt(String consultationId, String schoolId, String as) {
    }

    /**
     * A school's results; {@code questions} is empty and {@code hidden} true while fewer than {@code minimum} have
     * answered. Free-text answers are counted, never shown.
     */
    public record Results(String schoolId, boolean hidden, int minimum, Long respondents, List<QuestionResult> questions) {
    }

    public Mono<Receipt> answer(CurrentUser user, String consultationId, String as, Map<String, Object> answers) {
        return access.reader(user, consultationId).flatMap(reader -> {
            Consultation consultation = reader.consultation();
            if (!TAKING_PART.contains(consultation.phaseAt(clock.instant()))) {
                throw Problems.conflict("phase", "not-taking-part-now", "Local questions are answered while the consultation is open; it is "
                    + consultation.stageAt(clock.instant()).toLowerCase() + ".");
            }
            Voice voice = reader.voice(as);
            return editions.forVoices(consultation, List.of(voice)).filter(edition -> !edition.questions().isEmpty()).next()
                .switchIfEmpty(Mono.error(() -> Problem.notFound("Local questions for " + voice.label()).with("field", "as")
                    .with("rule", "no-local-questions")))
                .flatMap(edition -> {
                    Questionnaire questionnaire = questionnaire(edition);
                    Tally tally = questionnaire.tally(questionnaire.validate(answers == null ? Map.of() : answers, true));
                    return editions.requireOpenFor(consultation, voice, clock.instant()).then(access.oldEnough(voice))
                        .then(supports.voiceId(consultation, voice))
                        .flatMap(voiceId -> mongo.insert(new Document("_id", edition.id() + "|" + voiceId)
                            .append("consultationId", consultationId).append("schoolId", edition.schoolId())
                            .append("counters", counters(tally)).append("at", Date.from(clock.instant())), COLLECTION))
                        .onErrorMap(DuplicateKeyException.class, twice -> Problems.conflict("as", "already-answered",
                            "The local questions were already answered" + (voice.pupilId() != null ? " for " + voice.label() : "") + "."))
                        .then(participants.tookPart(consultationId, voice, clock.instant()))
                        .thenReturn(new Receipt(consultationId, edition.schoolId(), voice.as()));
                });
        });
    }

    public Mono<Results> results(CurrentUser user, String consultationId, String schoolId) {
        return access.reader(user, consultationId).flatMap(reader -> {
            reader.access().requireSchool(schoolId);
            if (!reader.manages() && !reader.access().leadsSchools().contains(schoolId)) {
                throw Problems.forbidden("schoolId", "leaders-only", "The school's and the trust's leaders read these results.");
            }
            return mongo.findById(LocalEdition.idOf(consultationId, schoolId), LocalEdition.class)
                .switchIfEmpty(Mono.error(() -> Problem.notFound("Local questions of " + schoolId).with("field", "schoolId")))
                .flatMap(edition -> mongo.find(Query.query(Criteria.where("consultationId").is(consultationId).and("schoolId").is(schoolId)),
                        Document.class, COLLECTION)
                    .map(LocalAnswers::tally)
                    .reduce(Tally.empty(), Tally::plus)
                    .map(sum -> smallGroups.hides(sum.respondents())
                        ? new Results(schoolId, true, smallGroups.minimum(), null, List.of())
                        : new Results(schoolId, false, smallGroups.minimum(), sum.respondents(), questionnaire(edition).results(sum))));
        });
    }

    private static Questionnaire questionnaire(LocalEdition edition) {
        return Questionnaire.of(Section.of("local", "Local questions", edition.questions().toArray(app.chorus.questionnaires.Question[]::new)));
    }

    /** Counter paths hold dots, which stored field names may not: kept as pairs. */
    private static List<Document> counters(Tally tally) {
        return tally.counters().entrySet().stream().map(c -> new Document("path", c.getKey()).append("n", c.getValue())).toList();
    }

    private static Tally tally(Document answer) {
        Map<String, Long> counters = new java.util.HashMap<>();
        answer.getList("counters", Document.class, List.of()).forEach(c -> counters.put(c.getString("path"), c.get("n", Number.class).longValue()));
        return new Tally(counters);
    }
}
