package app.chorus.surveys.internal;

import app.chorus.directory.AudienceRole;
import app.chorus.moderation.Contribution;
import app.chorus.moderation.ContributionModerated;
import app.chorus.moderation.ContributionRef;
import app.chorus.moderation.Moderation;
import app.chorus.platform.DomainEventListener;
import app.chorus.questionnaires.Question;
import app.chorus.questionnaires.QuestionType;
import app.chorus.surveys.Anonymity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Free-text answers go through the trust's moderation queue: each is submitted as a {@code survey-answer} (a pupil's
 * waits for a moderator, text with a concern phrase goes to the safeguarding lead) and moderation's verdict is kept on
 * the response ({@code screened.<question>}), updated from {@link ContributionModerated}. Only named surveys tell
 * moderation who wrote it, and for anonymous ones moderation keeps the day, not the time: the moderation item must not
 * link an anonymous or confidential answer to a person.
 */
@Component
class FreeTextScreening implements DomainEventListener<ContributionModerated> {

    static final String KIND = "survey-answer";
    static final String VERDICTS = "screened";

    private final Moderation moderation;
    private final ReactiveMongoTemplate mongo;

    FreeTextScreening(Moderation moderation, ReactiveMongoTemplate mongo) {
        this.moderation = moderation;
        this.mongo = mongo;
    }

    /**
     * The verdicts the rules give a response's written answers, stored with it ({@code screened}): a pupil's answer is
     * hidden from its first moment, and {@link #screen} has no verdict left to write.
     */
    Document verdicts(Survey survey, Document response) {
        Document verdicts = new Document();
        writtenAnswers(survey, response).forEach(answer ->
            verdicts.append(answer.question().id(), moderation.screened(contribution(survey, response, answer)).name()));
        return verdicts;
    }

    /**
     * Submits every written answer of a stored response to the queue; safe to repeat (moderation is idempotent per
     * answer). A verdict the response does not hold yet is written to it.
     */
    Mono<Void> screen(Survey survey, Document response) {
        Document stored = response.get(VERDICTS, Document.class);
        return Flux.fromIterable(writtenAnswers(survey, response))
            .concatMap(answer -> moderation.submitNew(contribution(survey, response, answer))
                .filter(verdict -> stored == null || !stored.containsKey(answer.question().id()))
                .flatMap(verdict -> mongo.updateFirst(Query.query(Criteria.where("_id").is(response.getString("_id"))
                        .and(VERDICTS + "." + answer.question().id()).exists(false)),
                    new Update().set(VERDICTS + "." + answer.question().id(), verdict.name()), Responses.COLLECTION)))
            .then();
    }

    private record WrittenAnswer(Question question, String text) {
    }

    private static List<WrittenAnswer> writtenAnswers(Survey survey, Document response) {
        Map<String, Object> answers = Responses.answersOf(response);
        return survey.questionnaire().questions().stream()
            .filter(question -> question.type() == QuestionType.FREE_TEXT && answers.get(question.id()) != null)
            .map(question -> new WrittenAnswer(question, answers.get(question.id()).toString()))
            .toList();
    }

    private static Contribution contribution(Survey survey, Document response, WrittenAnswer answer) {
        Cell cell = Tallies.cellOf(response.get("cell", Document.class));
        return new Contribution(new ContributionRef(KIND, response.getString("_id") + "." + answer.question().id()),
            survey.title(), answer.text(), survey.isTrustWide() ? null : cell.school(), Set.of(cell.school()),
            response.getString("personId"), cell.role() == AudienceRole.PUPILS, survey.anonymity() == Anonymity.ANONYMOUS);
    }

    /** The response is being erased: its written answers leave the moderation queue too. */
    Mono<Void> forget(Document response) {
        Document verdicts = response.get(VERDICTS, Document.class);
        if (verdicts == null) {
            return Mono.empty();
        }
        return Flux.fromIterable(verdicts.keySet())
            .concatMap(questionId -> moderation.forget(new ContributionRef(KIND, response.getString("_id") + "." + questionId)))
            .then();
    }

    @Override
    public Class<ContributionModerated> eventType() {
        return ContributionModerated.class;
    }

    @Override
    public Mono<Void> on(ContributionModerated event) {
        if (!KIND.equals(event.ref().kind())) {
            return Mono.empty();
        }
        String[] answer = event.ref().id().split("\\.", 2);
        if (answer.length < 2) {
            return Mono.empty();
        }
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(answer[0])),
            new Update().set(VERDICTS + "." + answer[1], event.visibility().name()), Responses.COLLECTION).then();
    }

    /** Moderation shows it: it may reach readers of the results (the owner still chooses which others see). */
    static boolean shown(Document response, String questionId) {
        Document verdicts = response.get(VERDICTS, Document.class);
        return verdicts != null && "SHOWN".equals(verdicts.getString(questionId));
    }
}
