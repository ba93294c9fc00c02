package app.chorus.surveys.internal;

import app.chorus.shared.Problem;
import app.chorus.surveys.Anonymity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Answering a survey: drafts and idempotent submission. Write order (see ADR 0052, 0059): participation mark PENDING
 * (unique per unit; a draft becomes it) -> response (random id) -> tally {@code $inc} guarded by the response id ->
 * mark SUBMITTED (the guard is released later). Each step can be repeated, so a retry or the recovery sweep finishes
 * what a crash left.
 */
@Service
public class SurveyResponding {

    static final ZoneId TRUST_ZONE = ZoneId.of("Europe/London");
    /**
     * A PENDING submission older than this was interrupted (its caller was told 503 by the gateway's 5 s timeout, or
     * its instance died): a retry with the same key finishes it. Every completion step is safe to repeat, and a slow
     * first attempt still running counts nothing twice while the tally keeps its guard (ADR 0400).
     */
    static final Duration TAKE_OVER_AFTER = Duration.ofSeconds(5);

    private final SurveyStore surveys;
    private final Eligibility eligibility;
    private final UnitKeys unitKeys;
    private final Participations participations;
    private final Responses responses;
    private final Tallies tallies;
    private final Drafts drafts;
    private final ResultSignals signals;
    private final FreeTextScreening screening;
    private final Clock clock;

    SurveyResponding(SurveyStore surveys, Eligibility eligibility, UnitKeys unitKeys, Participations participations,
                     Responses responses, Tallies tallies, Drafts drafts, ResultSignals signals, FreeTextScreening screening,
                      ObjectProvider<Clock> clock) {
        this.surveys = surveys;
        this.eligibility = eligibility;
        this.unitKeys = unitKeys;
        this.participations = participations;
        this.responses = responses;
        this.tallies = tallies;
        this.drafts = drafts;
        this.signals = signals;
        this.screening = screening;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public Mono<SubmissionReceipt> submit(String personId, String surveyId, String unit, Map<String, ?> answers,
                                          String idempotencyKey) {
        return surveys.forAnswering(surveyId).flatMap(survey -> eligibility.unit(survey, personId, unit)
            .flatMap(responseUnit -> submit(survey, responseUnit, answers, idempotencyKey)));
    }

    /** Submits for an already resolved unit. */
    Mono<SubmissionReceipt> submit(Survey survey, ResponseUnit unit, Map<String, ?> answers, String idempotencyKey) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            survey.requireAcceptsAnswers(now);
            Map<String, Object> valid = survey.questionnaire().validate(answers, true);
            String keyDigest = UnitKeys.digest(idempotencyKey);
            return unitKeys.participationId(survey.id(), unit.key())
                .flatMap(participationId -> start(survey, unit, participationId, valid, keyDigest, now));
        });
    }

    /** Inserts the PENDING mark; when the unit already has one, answers from it (replay, 409, or take over). */
    private Mono<SubmissionReceipt> start(Survey survey, ResponseUnit unit, String participationId,
                                         Map<String, Object> valid, String keyDigest, Instant now) {
        String responseId = UUID.randomUUID().toString();
        ResponseUnit identity = survey.anonymity() == Anonymity.CONFIDENTIAL ? unit : null;
        Mono<SubmissionReceipt> completion = Mono.defer(() -> complete(survey, unit, participationId, responseId, valid, now));
        return participations.insertPending(participationId, survey.id(), responseId, keyDigest, identity, now)
            .then(completion)
            .onErrorResume(DuplicateKeyException.class, draftOrAnswered -> participations
                .claimDraft(participationId, responseId, keyDigest, identity, now)
                .flatMap(claimed -> claimed ? completion : participations.find(participationId)
                    .flatMap(mark -> resume(survey, unit, participationId, mark, valid, keyDigest, now))));
    }

    private Mono<SubmissionReceipt> resume(Survey survey, ResponseUnit unit, String participationId, Document mark,
                                          Map<String, Object> valid, String keyDigest, Instant now) {
        boolean sameKey = keyDigest != null && keyDigest.equals(mark.getString("idempotencyKey"));
        if (Participations.SUBMITTED.equals(mark.getString("state"))) {
            return sameKey ? Mono.just(new SubmissionReceipt(survey.id(), unit.unit(), mark.getString("responseId"), true))
                : Mono.error(answered(unit));
        }
        Duration wait = Duration.between(now, mark.getDate("pendingSince").toInstant().plus(TAKE_OVER_AFTER));
        if (wait.compareTo(Duration.ZERO) > 0) {
            return Mono.error(inProgress(wait));
        }
        String responseId = mark.getString("responseId");
        if (sameKey) {
            return complete(survey, unit, participationId, responseId, valid, now)
                .map(receipt -> new SubmissionReceipt(receipt.surveyId(), receipt.unit(), receipt.responseId(), true));
        }
        // another attempt (no key, another device) after the first was cut off: a response stored by the first is
        // the answer, counted once; with none stored, nothing was answered and this attempt's answers are (ADR 0407)
        return responses.find(responseId)
            .flatMap(stored -> finish(survey, participationId, stored).then(Mono.<SubmissionReceipt>error(answered(unit))))
            .switchIfEmpty(Mono.defer(() -> complete(survey, unit, participationId, responseId, valid, now)));
    }

    private static Problem answered(ResponseUnit unit) {
        return Problem.conflict("already-answered", "This survey was already answered for "
            + unit.label().toLowerCase() + ". To repeat a submission, send the same Idempotency-Key as the first time.")
            .with("unit", unit.unit());
    }

    /** The wait, in whole seconds rounded up, until a repeat may take the submission over. */
    private static Problem inProgress(Duration wait) {
        long seconds = Math.max(1, wait.plusMillis(999).toSeconds());
        Problem problem = Problem.conflict("submission-in-progress", "An answer for this survey is still being saved. "
            + "Repeat it in " + seconds + " s.").with("retryAfterSeconds", seconds);
        problem.header("Retry-After", Long.toString(seconds));
        return problem;
    }

    /** Steps after the PENDING mark; every one is safe to repeat. */
    Mono<SubmissionReceipt> complete(Survey survey, ResponseUnit unit, String participationId, String responseId,
                                     Map<String, Object> valid, Instant now) {
        Document response = responseDocument(survey, unit, responseId, valid, now);
        Document verdicts = screening.verdicts(survey, response);
        if (!verdicts.isEmpty()) {
            response.append(FreeTextScreening.VERDICTS, verdicts);
        }
        return responses.insertOnce(response)
            .flatMap(stored -> finish(survey, participationId, stored))
            .then(surveys.markAnswered(survey))
            .thenReturn(new SubmissionReceipt(survey.id(), unit.unit(),
                survey.anonymity() == Anonymity.ANONYMOUS ? null : responseId, false));
    }

    /** Counts a stored response, screens its written answers and marks its unit answered (also the recovery sweep's). */
    Mono<Void> finish(Survey survey, String participationId, Document stored) {
        String responseId = stored.getString("_id");
        Cell cell = Tallies.cellOf(stored.get("cell", Document.class));
        return tallies.apply(survey.id(), cell, responseId, survey.questionnaire().tally(Responses.answersOf(stored)))
            .then(screening.screen(survey, stored))
            .then(participations.markSubmitted(participationId, survey.anonymity() != Anonymity.ANONYMOUS))
            .then(Mono.fromRunnable(() -> {
                tallies.release(survey.id(), cell, responseId);
                signals.changed(survey.id());
            }));
    }

    private static Document responseDocument(Survey survey, ResponseUnit unit, String responseId,
                                             Map<String, Object> valid, Instant now) {
        Document response = new Document("_id", responseId)
            .append("surveyId", survey.id())
            .append("cell", Tallies.cellDocument(unit.cell()))
            .append("answers", new Document(valid));
        switch (survey.anonymity()) {
            case NAMED -> response.append("personId", unit.personId()).append("pupilId", unit.pupilId()).append("submittedAt", now);
            case CONFIDENTIAL -> response.append("submittedAt", now);
            case ANONYMOUS -> response.append("submittedOn", now.atZone(TRUST_ZONE).toLocalDate().toString());
        }
        return response;
    }

    public Mono<DraftView> saveDraft(String personId, String surveyId, String unit, Map<String, ?> answers) {
        return surveys.require(surveyId).flatMap(survey -> eligibility.unit(survey, personId, unit).flatMap(responseUnit -> {
            survey.requireAcceptsAnswers(clock.instant());
            Map<String, Object> valid = survey.questionnaire().validate(answers, false);
            return unitKeys.participationId(survey.id(), responseUnit.key())
                .flatMap(participationId -> requireNotAnswered(participationId, responseUnit)
                    .then(drafts.save(participationId, survey.id(), valid, clock.instant())))
                .thenReturn(new DraftView(unit, valid, survey.questionnaire().visibleQuestions(valid)));
        }));
    }

    public Mono<DraftView> draft(String personId, String surveyId, String unit) {
        return surveys.require(surveyId).flatMap(survey -> eligibility.unit(survey, personId, unit)
            .flatMap(responseUnit -> unitKeys.participationId(survey.id(), responseUnit.key()))
            .flatMap(drafts::find)
            .map(Responses::answersOf)
            .defaultIfEmpty(Map.of())
            .map(answers -> new DraftView(unit, answers, survey.questionnaire().visibleQuestions(answers))));
    }

    private Mono<Void> requireNotAnswered(String participationId, ResponseUnit unit) {
        return participations.find(participationId).flatMap(mark -> Mono.<Void>error(Problem.conflict("already-answered",
            "This survey was already answered for " + unit.label().toLowerCase() + "; drafts are closed.")));
    }

    /** The survey as a respondent sees it: the anonymity promise first, then questions and what they owe. */
    public Mono<SurveyForm> form(String personId, String surveyId) {
        return surveys.require(surveyId).flatMap(survey -> eligibility.unitsOf(survey, personId)
            .concatMap(unit -> unitKeys.participationId(survey.id(), unit.key())
                .flatMap(participationId -> Mono.zip(participations.find(participationId).hasElement(),
                    drafts.exists(participationId)))
                .map(state -> new SurveyForm.FormUnit(unit.unit(), unit.label(), unit.pupilId(), state.getT1(), state.getT2())))
            .collectList()
            .filter(units -> !units.isEmpty())
            .switchIfEmpty(Mono.error(() -> Problem.notFound("Survey " + surveyId)))
            .map(units -> SurveyForm.of(survey, survey.statusAt(clock.instant()), units)));
    }

    /** Saved answers and the questions they show. */
    public record DraftView(String unit, Map<String, Object> answers, java.util.Set<String> visibleQuestions) {
    }
}
