package app.chorus.decisions.internal;

import app.chorus.decisions.Method;
import app.chorus.decisions.tally.TallyException;
import app.chorus.directory.Access;
import app.chorus.directory.AccessPolicy;
import app.chorus.directory.AudienceResolver;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import app.chorus.platform.DomainEvents;
import app.chorus.shared.Page;
import app.chorus.shared.PositionCursor;
import app.chorus.shared.Problem;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A decision's life: created by a leader (school leaders for their school, trust leaders trust-wide), opened (now or
 * at {@code opensAt}, announcing {@link app.chorus.decisions.DecisionOpened}), closed on time or by its leaders,
 * counted from every standing ballot and announced ({@link app.chorus.decisions.DecisionClosed}). Its managers and the
 * people who may vote in it can see it; everyone else gets 404.
 */
@Service
public class DecisionManagement {

    private static final Logger log = LoggerFactory.getLogger(DecisionManagement.class);

    private final DecisionStore decisions;
    private final AccessPolicy accessPolicy;
    private final AudienceResolver audiences;
    private final Voters voters;
    private final BallotCasting casting;
    private final LiveTotals totals;
    private final DomainEvents events;
    private final ReactiveMongoTemplate mongo;
    private final Duration grace;
    private final Clock clock;

    DecisionManagement(DecisionStore decisions, AccessPolicy accessPolicy, AudienceResolver audiences, Voters voters, BallotCasting casting,
                       LiveTotals totals, DomainEvents events, ReactiveMongoTemplate mongo,
                       @Value("${chorus.decisions.close-grace:2s}") Duration grace, ObjectProvider<Clock> clock) {
        this.decisions = decisions;
        this.accessPolicy = accessPolicy;
        this.audiences = audiences;
        this.voters = voters;
        this.casting = casting;
        this.totals = totals;
        this.events = events;
        this.mongo = mongo;
        this.grace = grace;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public Mono<Decision> create(CurrentUser user, DecisionDraft draft, String idempotencyKey) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            DecisionRules.check(draft, now);
            String id = idempotencyKey == null || idempotencyKey.isBlank() ? "dec-" + UUID.randomUUID()
                : "dec-" + BallotKeys.digest(user.subject() + "|" + idempotencyKey).substring(0, 22);
            DecisionDraft seeded = withSeed(draft);
            return accessPolicy.accessOf(user)
                .doOnNext(access -> requireMayDecide(user, access, seeded))
                .then(audiences.validate(seeded.audience()))
                .then(Mono.fromSupplier(() -> Decision.create(id, seeded, user.personId(), now)))
                .flatMap(decisions::insert)
                .flatMap(decision -> totals.start(decision.id()).thenReturn(decision))
                .flatMap(this::announceOpening)
                .onErrorResume(DuplicateKeyException.class, replay -> managed(user, id));
        });
    }

    /** Closes now (leaders); the count follows once ballots already accepted have landed. */
    public Mono<Decision> close(CurrentUser user, String decisionId) {
        return managed(user, decisionId).flatMap(decision -> {
            if (decision.statusAt(clock.instant()) != DecisionStatus.OPEN && decision.status() != DecisionStatus.SCHEDULED) {
                return counted(decision.id());
            }
            decision.closeNow(clock.instant());
            return decisions.save(decision)
                .onErrorMap(OptimisticLockingFailureException.class, conflict -> Problem.conflict("concurrent-change",
                    "The decision changed while you closed it (perhaps it closed on time). Reload it."))
                .delayElement(grace)
                .flatMap(saved -> closeIfDue(saved.id()).then(counted(saved.id())));
        });
    }

    /** The decision once counted, here or by another instance's sweep (which may have claimed it first). */
    private Mono<Decision> counted(String decisionId) {
        return Mono.defer(() -> decisions.require(decisionId))
            .filter(decision -> decision.status() == DecisionStatus.CLOSED)
            .repeatWhenEmpty(150, ticks -> ticks.delayElements(Duration.ofMillis(200)))
            .switchIfEmpty(Mono.error(() -> Problem.conflict("count-in-progress",
                "The vote is closed and still being counted; read it again in a minute.")));
    }

    /** Leaders who may manage it: its creator, leaders of its school, trust leaders. */
    public Mono<Decision> managed(CurrentUser user, String decisionId) {
        return decisions.require(decisionId).zipWith(accessPolicy.accessOf(user))
            .filter(both -> canManage(user, both.getT2(), both.getT1()))
            .map(both -> both.getT1())
            .switchIfEmpty(Mono.error(() -> Problem.notFound("Decision " + decisionId)));
    }

    /** Whoever manages it or may vote in it; others 404. */
    public Mono<Viewer> viewer(CurrentUser user, String decisionId) {
        return decisions.recent(decisionId).flatMap(decision -> manages(user, decision).flatMap(manages -> manages
            ? Mono.just(new Viewer(decision, true))
            : voters.unitsOf(decision, user.personId()).hasElements()
                .filter(Boolean::booleanValue)
                .map(voter -> new Viewer(decision, false))))
            .switchIfEmpty(Mono.error(() -> Problem.notFound("Decision " + decisionId)));
    }

    /** Only leaders need their access read (a voter's every results read would pay for it otherwise). */
    private Mono<Boolean> manages(CurrentUser user, Decision decision) {
        if (!user.hasAny(Role.TRUST_LEADER, Role.SCHOOL_LEADER)) {
            return Mono.just(isCreator(user, decision));
        }
        return accessPolicy.accessOf(user).map(access -> canManage(user, access, decision));
    }

    /** A decision as one person sees it: {@code manages} adds what only its leaders see (blocks' reasons). */
    public record Viewer(Decision decision, boolean manages) {
    }

    /** A page of the decisions this person manages, newest first; {@code next} continues after its last. */
    public Mono<Page<Decision>> managedBy(CurrentUser user, String cursor, int limit) {
        PositionCursor after = PositionCursor.decode(cursor);
        return accessPolicy.accessOf(user).flatMap(access -> decisions.managedPage(user.has(Role.TRUST_LEADER) && access.isTrustWide(),
                user.personId(), user.has(Role.SCHOOL_LEADER) ? access.leadsSchools() : java.util.Set.of(), after, limit + 1)
            .collectList()
            .map(found -> found.size() > limit
                ? Page.of(found.subList(0, limit), new PositionCursor(found.get(limit - 1).createdAt(), found.get(limit - 1).id()).encode())
                : Page.of(found, null)));
    }

    /** A consultation's decisions that this person manages or may vote in (a decision phase holds a handful). */
    public Flux<Decision> ofConsultation(CurrentUser user, String consultationId) {
        return decisions.ofConsultation(consultationId)
            .concatMap(decision -> viewer(user, decision.id()).map(Viewer::decision).onErrorResume(Problem.class, hidden -> Mono.empty()));
    }

    /** The decision with the reader's own ballots (cast or not). */
    public Mono<DecisionDetails> view(Decision decision, String personId) {
        return voters.unitsOf(decision, personId)
            .concatMap(unit -> casting.hasCast(decision, unit).map(cast -> new DecisionDetails.UnitView(unit.unit(), unit.label(), cast)))
            .collectList()
            .map(units -> DecisionDetails.of(decision, clock.instant(), units));
    }

    // ---- scheduled work (DecisionSweeper) ----

    Mono<Decision> openIfDue(Decision decision) {
        Instant now = clock.instant();
        if (decision.status() != DecisionStatus.SCHEDULED || decision.opensAt().isAfter(now)) {
            return Mono.just(decision);
        }
        return decisions.markOpened(decision.id(), now).flatMap(this::announceOpening).defaultIfEmpty(decision);
    }

    /** Counts a decision whose closing time has passed, once across instances; empty when not due or taken. */
    Mono<Decision> closeIfDue(String decisionId) {
        Instant now = clock.instant();
        return decisions.claimClose(decisionId, now.minus(grace), now)
            .flatMap(claimed -> count(claimed)
                .flatMap(result -> decisions.storeResult(claimed.id(), claimed.closingClaimedAt(), result, claimed.closesAt())))
            .flatMap(this::announceClosing);
    }

    Mono<Decision> announceOpening(Decision decision) {
        if (decision.statusAt(clock.instant()) != DecisionStatus.OPEN || decision.openingAnnouncedAt() != null) {
            return Mono.just(decision);
        }
        return events.publish(decision.opened())
            .then(decisions.markAnnounced(decision.id(), "openingAnnouncedAt", clock.instant()))
            .then(decisions.require(decision.id()));
    }

    Mono<Decision> announceClosing(Decision decision) {
        if (decision.status() != DecisionStatus.CLOSED || decision.closingAnnouncedAt() != null) {
            return Mono.just(decision);
        }
        return events.publish(decision.closed())
            .then(decisions.markAnnounced(decision.id(), "closingAnnouncedAt", clock.instant()))
            .then(decisions.require(decision.id()));
    }

    /** Reads every standing ballot (streamed from the store) and runs the tally module's count. */
    private Mono<Decision.StoredResult> count(Decision decision) {
        long started = System.nanoTime();
        Query ofDecision = Query.query(Criteria.where("decisionId").is(decision.id()));
        boolean named = decision.anonymity() == Anonymity.NAMED;
        Mono<java.util.List<DecisionCount.Counted>> ballots = mongo.find(ofDecision, Document.class, BallotCasting.BALLOTS)
            .map(ballot -> new DecisionCount.Counted(ballot.getString("_id"), Choice.of(ballot.get("choice", Document.class)),
                named ? ballot.getString("personId") : null))
            .collectList();
        return Mono.zip(ballots, voters.eligible(decision))
            .map(both -> DecisionCount.of(decision, both.getT1(), both.getT2(), decision.closesAt()))
            .onErrorMap(TallyException.class, failure -> new IllegalStateException("Decision " + decision.id()
                + " could not be counted: " + failure.getMessage(), failure))
            .doOnNext(result -> log.info("Decision {} counted: {} ballots in {} ms", decision.id(), result.outcome().ballots(),
                (System.nanoTime() - started) / 1_000_000));
    }

    private boolean canManage(CurrentUser user, Access access, Decision decision) {
        if (user.has(Role.TRUST_LEADER) && access.isTrustWide()) {
            return true;
        }
        return isCreator(user, decision) || decision.schoolId() != null && user.has(Role.SCHOOL_LEADER) && access.leadsSchools().contains(decision.schoolId());
    }

    private static boolean isCreator(CurrentUser user, Decision decision) {
        return user.personId() != null && user.personId().equals(decision.createdBy());
    }

    private static void requireMayDecide(CurrentUser user, Access access, DecisionDraft draft) {
        boolean trustWide = draft.schoolId() == null && user.has(Role.TRUST_LEADER);
        boolean forTheirSchool = draft.schoolId() != null && user.hasAny(Role.TRUST_LEADER, Role.SCHOOL_LEADER)
            && access.leadsSchools().contains(draft.schoolId());
        boolean audienceInReach = access.canAddress(draft.audience()) && !access.needsApprovalToAddress(draft.audience());
        if (!(trustWide || forTheirSchool) || !audienceInReach) {
            throw Problem.forbidden("cannot-decide", "Only leaders create decisions: school leaders for their school "
                + "(give its schoolId and an audience inside it), trust leaders trust-wide. Ask one of them.");
        }
    }

    /** A draw needs its seed fixed before anyone votes, so the count can be repeated. */
    private static DecisionDraft withSeed(DecisionDraft draft) {
        if (draft.method() != Method.RANKED_IRV) {
            return draft;
        }
        RankingRules rules = draft.ranking() == null ? RankingRules.DEFAULT : draft.ranking();
        boolean draws = switch (rules.tiebreak()) {
            case RANDOM, PREVIOUS_ROUND_COUNTS_THEN_RANDOM, GENERATE_PERMUTATION -> true;
            default -> false;
        };
        if (draws && rules.randomSeed() == null) {
            rules = new RankingRules(rules.tiebreak(), Math.abs(new SecureRandom().nextLong() % 1_000_000_000L), rules.batchElimination());
        } else if (!draws && rules.randomSeed() != null) {
            rules = new RankingRules(rules.tiebreak(), null, rules.batchElimination());
        }
        return new DecisionDraft(draft.question(), draft.description(), draft.options(), draft.method(), draft.quorum(), rules,
            draft.audience(), draft.ballotUnit(), draft.anonymity(), draft.hideResultsUntilClose(), draft.opensAt(),
            draft.closesAt(), draft.schoolId(), draft.consultationId());
    }
}
