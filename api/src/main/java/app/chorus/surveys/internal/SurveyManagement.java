package app.chorus.surveys.internal;

import app.chorus.directory.Access;
import app.chorus.directory.AccessPolicy;
import app.chorus.directory.AudienceResolver;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import app.chorus.platform.DomainEvents;
import app.chorus.shared.ActRecorded;
import app.chorus.shared.Problem;
import java.time.Clock;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A survey's life: created as a draft by someone who may address its audience, edited, opened (announcing
 * {@link app.chorus.surveys.SurveyOpened}), closed. Its owner and trust leaders manage it; whoever may address its
 * audience may read its results; everyone else gets 404.
 */
@Service
public class SurveyManagement {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SurveyManagement.class);

    private final SurveyStore surveys;
    private final Participations participations;
    private final AccessPolicy accessPolicy;
    private final AudienceResolver audiences;
    private final DomainEvents events;
    private final Clock clock;

    SurveyManagement(SurveyStore surveys, Participations participations, AccessPolicy accessPolicy, AudienceResolver audiences, DomainEvents events,
                     ObjectProvider<Clock> clock) {
        this.surveys = surveys;
        this.participations = participations;
        this.accessPolicy = accessPolicy;
        this.audiences = audiences;
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public Mono<Survey> create(CurrentUser user, SurveyDraft draft, String idempotencyKey) {
        requireComplete(draft);
        String id = idempotencyKey == null ? "srv-" + UUID.randomUUID()
            : "srv-" + UnitKeys.digest(user.subject() + "|" + idempotencyKey).substring(0, 22);
        requirePupilsAskedByNameOnlyWithAReason(user, draft);
        return accessPolicy.accessOf(user)
            .flatMap(access -> requireMayAsk(user, access, draft))
            .then(audiences.validate(draft.audience()))
            .map(audience -> Survey.draft(id, draft, user.personId(), clock.instant()))
            .flatMap(surveys::insert)
            .flatMap(survey -> recordNamedForPupils(user, draft, survey).thenReturn(survey))
            .onErrorResume(DuplicateKeyException.class, replay -> managed(user, id));
    }

    /** Pupils are asked by name only when a leader chose it and said why (ICO Children's Code). */
    private static void requirePupilsAskedByNameOnlyWithAReason(CurrentUser user, SurveyDraft draft) {
        if (!draft.asksPupilsByName()) {
            return;
        }
        if (!user.hasAny(Role.TRUST_LEADER, Role.SCHOOL_LEADER)) {
            throw Problem.forbidden("pupils-named-by-leaders-only", "Only a school or trust leader may ask pupils by "
                + "name; make the survey confidential or anonymous, or ask a leader.");
        }
        String reason = draft.namedForPupilsReason();
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw Problem.badRequest("named-pupil-survey-needs-reason", "A named survey for pupils needs "
                + "namedForPupilsReason (1-500 characters): why pupils must be asked by name.")
                .with("field", "namedForPupilsReason");
        }
    }

    private Mono<Void> recordNamedForPupils(CurrentUser user, SurveyDraft draft, Survey survey) {
        if (!draft.asksPupilsByName()) {
            return Mono.empty();
        }
        return events.publish(new ActRecorded("survey-named-for-pupils:" + survey.id(), "survey-named-for-pupils", null,
            user.personId(), "survey:" + survey.id(), draft.namedForPupilsReason(), null));
    }

    public Mono<Survey> edit(CurrentUser user, String surveyId, SurveyDraft draft) {
        requireComplete(draft);
        return change(user, surveyId, (survey, now) -> survey.edit(draft, now));
    }

    public Mono<Survey> open(CurrentUser user, String surveyId) {
        return change(user, surveyId, Survey::open)
            .flatMap(survey -> survey.statusAt(clock.instant()) == SurveyStatus.OPEN ? announce(survey) : Mono.just(survey));
    }

    public Mono<Survey> setResponseGoal(CurrentUser user, String surveyId, Integer percent) {
        return change(user, surveyId, (survey, now) -> survey.setResponseGoal(percent, now));
    }

    public Mono<Survey> close(CurrentUser user, String surveyId) {
        return change(user, surveyId, Survey::close);
    }

    /** Publishes the opening (again, if never confirmed) and records the confirmation. */
    public Mono<Survey> announce(Survey survey) {
        if (survey.openingAnnouncedAt() != null) {
            return Mono.just(survey);
        }
        return events.publish(survey.opened())
            .then(surveys.markOpeningAnnounced(survey.id(), clock.instant()))
            .then(surveys.require(survey.id()));
    }

    /** Opens scheduled surveys whose time has come (called by the background announcer). */
    public Mono<Survey> openIfDue(Survey survey) {
        if (survey.statusAt(clock.instant()) != SurveyStatus.OPEN) {
            return Mono.just(survey);
        }
        survey.open(clock.instant());
        return surveys.save(survey).onErrorResume(OptimisticLockingFailureException.class, e -> surveys.require(survey.id()));
    }

    public Mono<Survey> managed(CurrentUser user, String surveyId) {
        return surveys.require(surveyId).zipWith(accessPolicy.accessOf(user))
            .filter(both -> canManage(user, both.getT2(), both.getT1()))
            .map(both -> both.getT1())
            .switchIfEmpty(Mono.error(() -> Problem.notFound("Survey " + surveyId)));
    }

    /** A survey whose results this person may read: its managers and whoever may address its audience. */
    public Mono<Survey> readable(CurrentUser user, String surveyId) {
        return surveys.require(surveyId).zipWith(accessPolicy.accessOf(user))
            .filter(both -> canManage(user, both.getT2(), both.getT1()) || both.getT2().canAddress(both.getT1().audience()))
            .map(both -> both.getT1())
            .switchIfEmpty(Mono.error(() -> Problem.notFound("Survey " + surveyId)));
    }

    /** The person behind a confidential response; the caller has checked the privacy officer role. */
    /** Who gave a confidential response, for the privacy officer; every look-up is recorded in the audit. */
    public Mono<org.bson.Document> identityOf(CurrentUser officer, String surveyId, String responseId) {
        return surveys.find(surveyId)
            .filter(survey -> survey.anonymity() == app.chorus.surveys.Anonymity.CONFIDENTIAL)
            .flatMap(survey -> participations.identityOf(surveyId, responseId))
            .flatMap(found -> events.publish(new ActRecorded("survey-respondent-revealed:" + java.util.UUID.randomUUID(),
                    "survey-respondent-revealed", null, officer.personId(), "survey:" + surveyId + "/response:" + responseId,
                    null, null))
                .thenReturn(found))
            .doOnNext(found -> log.info("Privacy officer looked up who gave response {} of survey {}", responseId, surveyId));
    }

    public boolean isOwner(CurrentUser user, Survey survey) {
        return user.personId() != null && user.personId().equals(survey.ownerId());
    }

    public Flux<Survey> managedBy(CurrentUser user) {
        return accessPolicy.accessOf(user).flatMapMany(access -> access.isTrustWide()
            ? surveys.all() : surveys.ownedBy(user.personId()));
    }

    private Mono<Survey> change(CurrentUser user, String surveyId, BiConsumer<Survey, java.time.Instant> change) {
        return managed(user, surveyId)
            .flatMap(survey -> {
                change.accept(survey, clock.instant());
                return surveys.save(survey);
            })
            .onErrorMap(OptimisticLockingFailureException.class, conflict -> Problem.conflict("concurrent-change",
                "The survey changed while you were editing it (perhaps its first answer arrived). Reload and try again."));
    }

    private boolean canManage(CurrentUser user, Access access, Survey survey) {
        return isOwner(user, survey) || (access.isTrustWide() && user.hasAny(Role.TRUST_LEADER, Role.TRUST_ADMIN));
    }

    private static Mono<Void> requireMayAsk(CurrentUser user, Access access, SurveyDraft draft) {
        boolean mayAsk = user.hasAny(Role.TRUST_LEADER, Role.SCHOOL_LEADER, Role.STAFF)
            && access.canAddress(draft.audience()) && !access.needsApprovalToAddress(draft.audience());
        return mayAsk ? Mono.empty() : Mono.error(Problem.forbidden("cannot-survey-audience",
            "You cannot survey this audience. Leaders survey their school, trust leaders the trust; ask one of them."));
    }

    private static void requireComplete(SurveyDraft draft) {
        StringBuilder missing = new StringBuilder();
        if (draft.title() == null || draft.title().isBlank() || draft.title().length() > 200) {
            missing.append(" title (1-200 characters);");
        }
        if (draft.audience() == null || draft.audience().roles().isEmpty()) {
            missing.append(" audience with at least one role;");
        }
        if (draft.anonymity() == null) {
            missing.append(" anonymity (NAMED, CONFIDENTIAL or ANONYMOUS);");
        }
        if (draft.questionnaire() == null) {
            missing.append(" questionnaire;");
        }
        if (!missing.isEmpty()) {
            throw Problem.badRequest("invalid-survey", "Give a" + missing.substring(0, missing.length() - 1) + ".");
        }
    }
}
