package app.chorus.consultations.internal;

import app.chorus.directory.AccessPolicy;
import app.chorus.directory.AudienceResolver;
import app.chorus.directory.DirectoryQueries;
import app.chorus.directory.PersonSummary;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import app.chorus.shared.Problem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bson.types.ObjectId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A consultation's life as its leaders manage it: created for an audience they may address, moved on by hand
 * (skipping the rest of a phase), its outcome published and its actions kept up to date, each change announced.
 */
@Service
public class ConsultationManagement {

    private final ConsultationStore consultations;
    private final ConsultationAccess access;
    private final AccessPolicy policy;
    private final AudienceResolver audiences;
    private final DirectoryQueries directory;
    private final LocalEditions editions;
    private final Participants participants;
    private final DuePhases due;
    private final PendingPushes pushes;
    private final FatigueCheck fatigue;
    private final Clock clock;

    ConsultationManagement(ConsultationStore consultations, ConsultationAccess access, AccessPolicy policy,
                           AudienceResolver audiences, DirectoryQueries directory, LocalEditions editions, Participants participants, DuePhases due,
                           PendingPushes pushes, FatigueCheck fatigue, ObjectProvider<Clock> clock) {
        this.consultations = consultations;
        this.access = access;
        this.policy = policy;
        this.audiences = audiences;
        this.directory = directory;
        this.editions = editions;
        this.participants = participants;
        this.due = due;
        this.pushes = pushes;
        this.fatigue = fatigue;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public Mono<ConsultationView> create(CurrentUser user, ConsultationDraft draft, String idempotencyKey) {
        String id = "con-" + (idempotencyKey == null ? new ObjectId().toHexString() : Ids.digest(user.subject() + "|" + idempotencyKey));
        Consultation consultation = Consultation.create(id, draft, user.personId(), clock.instant());
        return policy.accessOf(user).flatMap(mine -> {
                boolean leads = consultation.isTrustWide() ? user.hasAny(Role.TRUST_LEADER)
                    : user.hasAny(Role.SCHOOL_LEADER, Role.TRUST_LEADER) && mine.leadsSchools().contains(draft.schoolId());
                if (!consultation.isTrustWide()) {
                    mine.requireSchool(draft.schoolId());
                }
                if (!leads || !mine.canAddress(draft.audience())) {
                    return Mono.error(Problems.forbidden("audience", "cannot-consult-audience",
                        "School leaders consult their school, trust leaders the trust: ask one of them."));
                }
                return audiences.validate(draft.audience());
            })
            .then(previous(user, draft.continuesFrom()))
            .then(Mono.defer(() -> consultations.insert(consultation)))
            .flatMap(saved -> due.schedule(saved.id(), clock.instant()).thenReturn(saved))
            .onErrorResume(DuplicateKeyException.class, replay -> consultations.require(id))
            .flatMap(saved -> view(user, saved, null)
                .flatMap(shown -> fatigue.of(saved).map(shown::withFatigue).defaultIfEmpty(shown)));
    }

    public Mono<ConsultationView> get(CurrentUser user, String consultationId, String language) {
        return consultations.require(consultationId).flatMap(found -> view(user, found, language));
    }

    /** Consultations this person may see, newest first. */
    public Flux<ConsultationView> visibleTo(CurrentUser user, String language) {
        return consultations.all().sort((a, b) -> b.createdAt().compareTo(a.createdAt()))
            .concatMap(found -> view(user, found, language).onErrorResume(app.chorus.shared.Problem.class, hidden -> Mono.empty()));
    }

    /** Moves on now: the next phase starts (or the last one ends); the scheduler announces it at once. */
    public Mono<ConsultationView> advance(CurrentUser user, String consultationId) {
        return access.manager(user, consultationId)
            .flatMap(reader -> advanceFrom(consultationId, reader.consultation().stageAt(clock.instant()), reader.consultation(), 3))
            .flatMap(saved -> due.schedule(saved.id(), clock.instant()).thenReturn(saved))
            .flatMap(saved -> view(user, saved, null));
    }

    /**
     * Moves on from {@code stage}. Another leader's edit in between that left the stage as it was (an action updated) is
     * read again and the move retried; one that moved the stage on answers 409, so two leaders pressing at once never skip
     * a phase. The scheduler's marks do not conflict with it (ADR 0258).
     */
    private Mono<Consultation> advanceFrom(String consultationId, String stage, Consultation consultation, int attempts) {
        consultation.advance(clock.instant());
        return consultations.save(consultation, null).onErrorResume(OptimisticLockingFailureException.class, changed -> attempts > 1
            ? consultations.require(consultationId)
                .filter(fresh -> stage.equals(fresh.stageAt(clock.instant())))
                .switchIfEmpty(Mono.error(ConsultationManagement::movedOn))
                .flatMap(fresh -> advanceFrom(consultationId, stage, fresh, attempts - 1))
            : Mono.error(movedOn()));
    }

    private static Problem movedOn() {
        return Problems.conflict("consultationId", "concurrent-change",
            "The consultation changed meanwhile (perhaps its phase moved on). Reload and try again.");
    }

    public Mono<ConsultationView> publishOutcome(CurrentUser user, String consultationId, OutcomeInput input) {
        input.requireValid();
        return againIfChanged(() -> access.manager(user, consultationId).zipWith(publisherName(user)).flatMap(both -> {
            Consultation consultation = both.getT1().consultation();
            PendingPush push = consultation.publishOutcome(new Outcome(input.decision(), input.rationale(),
                orEmpty(input.ideaIds()), orEmpty(input.commentIds()), null, clock.instant(), user.personId(), both.getT2(),
                user.hasAny(Role.TRUST_LEADER) ? "Trust leader" : "School leader"), clock.instant());
            return consultations.save(consultation, push).flatMap(saved -> pushes.announce(saved, push).thenReturn(saved));
        }))
            .onErrorMap(OptimisticLockingFailureException.class, changed -> Problems.conflict("consultationId", "concurrent-change",
                "The consultation changed meanwhile. Reload and try again."))
            .flatMap(saved -> view(user, saved, null));
    }

    private Mono<String> publisherName(CurrentUser user) {
        Mono<String> name = user.personId() == null ? Mono.empty() : directory.person(user.personId()).map(PersonSummary::displayName);
        return name.defaultIfEmpty(user.username() == null ? "" : user.username());
    }

    public Mono<ConsultationView> putAction(CurrentUser user, String consultationId, String actionId, ActionInput input) {
        input.requireValid();
        String id = actionId == null ? "act-" + new ObjectId().toHexString() : actionId;
        return againIfChanged(() -> access.manager(user, consultationId).flatMap(reader -> {
            Consultation consultation = reader.consultation();
            if (actionId != null && consultation.actions().stream().noneMatch(a -> a.id().equals(actionId))) {
                return Mono.error(app.chorus.shared.Problem.notFound("Action " + actionId).with("field", "actionId"));
            }
            PendingPush push = consultation.putAction(new Action(id, input.what(), input.ownerName(),
                input.status() == null ? Action.ActionStatus.PLANNED : input.status(), input.progress() == null ? 0 : input.progress(),
                orEmpty(input.milestones()), 0, clock.instant()), clock.instant());
            return consultations.save(consultation, push).flatMap(saved -> pushes.announce(saved, push).thenReturn(saved));
        }))
            .onErrorMap(OptimisticLockingFailureException.class, changed -> Problems.conflict("actionId", "concurrent-change",
                "The consultation changed meanwhile. Reload and try again."))
            .flatMap(saved -> view(user, saved, null));
    }

    /**
     * A leader's edit read again and applied again when another leader's edit was saved between the read and the save
     * (two leaders updating different actions): the edit does not depend on what changed, so it is not refused. The
     * scheduler's marks never conflict with it (ADR 0258).
     */
    private static Mono<Consultation> againIfChanged(java.util.function.Supplier<Mono<Consultation>> edit) {
        return Mono.defer(edit).retryWhen(reactor.util.retry.Retry.max(2).filter(OptimisticLockingFailureException.class::isInstance)
            .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    /** The chain of cycles this consultation belongs to, earliest first. */
    public Mono<List<CycleView>> chain(CurrentUser user, String consultationId) {
        return access.reader(user, consultationId).flatMap(reader -> earlier(reader.consultation(), 20).collectList()
            .zipWith(later(reader.consultation(), 20).collectList())
            .map(both -> {
                List<CycleView> chain = new ArrayList<>(both.getT1());
                Collections.reverse(chain);
                chain.add(cycle(reader.consultation(), true));
                chain.addAll(both.getT2());
                return chain;
            }));
    }

    private Flux<CycleView> earlier(Consultation from, int most) {
        if (from.continuesFrom() == null || most == 0) {
            return Flux.empty();
        }
        return consultations.find(from.continuesFrom())
            .flatMapMany(previous -> Flux.concat(Mono.just(cycle(previous, false)), earlier(previous, most - 1)));
    }

    private Flux<CycleView> later(Consultation from, int most) {
        if (most == 0) {
            return Flux.empty();
        }
        return consultations.continuing(from.id()).take(1)
            .concatMap(next -> Flux.concat(Mono.just(cycle(next, false)), later(next, most - 1)));
    }

    private CycleView cycle(Consultation c, boolean current) {
        return new CycleView(c.id(), c.title(c.defaultLanguage()), c.stageAt(clock.instant()),
            c.outcome() == null ? null : c.outcome().decision(), current);
    }

    private Mono<Void> previous(CurrentUser user, String continuesFrom) {
        if (continuesFrom == null) {
            return Mono.empty();
        }
        return access.reader(user, continuesFrom)
            .onErrorMap(app.chorus.shared.Problem.class, unknown -> Problems.invalid("continuesFrom", "unknown-consultation",
                "Continue from a consultation you can see: " + continuesFrom + " is not one."))
            .then();
    }

    private Mono<ConsultationView> view(CurrentUser user, Consultation consultation, String language) {
        return access.reader(user, consultation)
            .switchIfEmpty(Mono.error(() -> app.chorus.shared.Problem.notFound("Consultation " + consultation.id())))
            .flatMap(reader -> languageOf(user, language)
                .flatMap(chosen -> editions.forVoices(consultation, reader.voices()).collectList()
                    .map(local -> ConsultationView.of(reader, chosen, local, clock.instant()))));
    }

    private Mono<String> languageOf(CurrentUser user, String asked) {
        if (asked != null || user.personId() == null) {
            return Mono.just(asked == null ? "" : asked);
        }
        return directory.person(user.personId()).mapNotNull(PersonSummary::preferredLanguage).defaultIfEmpty("");
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
