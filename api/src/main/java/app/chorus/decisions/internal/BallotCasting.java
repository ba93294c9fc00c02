package app.chorus.decisions.internal;

import app.chorus.shared.Problem;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Casting ballots: one standing ballot per unit, enforced by a unique {@code _id} (a keyed hash of the unit).
 * Named and confidential ballots live under that id; casting or changing one is one conditional upsert that answers
 * the ballot it replaced, then its live counters move in one {@code $inc} (shared with other ballots, ADR 0290). Anonymous ballots are final: a mark under the
 * keyed hash in {@code decision_marks} stops a second one, and the ballot itself has a random id, its cell and choice,
 * and nothing else. A confidential ballot's voter is kept apart in {@code decision_voters}.
 */
@Service
public class BallotCasting {

    static final String BALLOTS = "decision_ballots";
    static final String MARKS = "decision_marks";
    static final String VOTERS = "decision_voters";
    /** On an anonymous ballot's mark only while it is being cast: the ballot's id, and since when. */
    static final String PENDING_BALLOT = "pendingBallot";
    static final String PENDING_SINCE = "pendingSince";
    static final ZoneId TRUST_ZONE = ZoneId.of("Europe/London");
    /** Upserts the ballot and answers the one it replaced (none for a first ballot). */
    private static final FindAndModifyOptions REPLACED = FindAndModifyOptions.options().upsert(true).returnNew(false);

    private final DecisionStore decisions;
    private final Voters voters;
    private final BallotKeys keys;
    private final LiveTallies tallies;
    private final ResultSignals signals;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    BallotCasting(DecisionStore decisions, Voters voters, BallotKeys keys, LiveTallies tallies, ResultSignals signals,
                  ReactiveMongoTemplate mongo, ObjectProvider<Clock> clock) {
        this.decisions = decisions;
        this.voters = voters;
        this.keys = keys;
        this.tallies = tallies;
        this.signals = signals;
        this.mongo = mongo;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Casts (or changes) the ballot of one of this person's units; nothing is written when it is refused. */
    public Mono<BallotReceipt> cast(String personId, String decisionId, BallotRequest ballot, String idempotencyKey) {
        return decisions.recent(decisionId).flatMap(decision -> voters.unit(decision, personId, ballot.unit())
            .flatMap(unit -> cast(decision, unit, ballot, idempotencyKey)));
    }

    /** Casts for a unit already resolved (the benchmark drives this through HTTP; tests use it for many voters). */
    Mono<BallotReceipt> cast(Decision decision, VotingUnit unit, BallotRequest ballot, String idempotencyKey) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            decision.requireTakesBallots(now);
            Choice choice = BallotRules.check(decision, ballot);
            String keyDigest = BallotKeys.digest(idempotencyKey);
            return keys.of(decision.id(), unit).flatMap(ballotId -> decision.anonymity().allowsChanges()
                    ? standing(decision, unit, ballotId, choice, keyDigest, now)
                    : finalBallot(decision, unit, ballotId, choice, keyDigest, now))
                .doOnNext(receipt -> signals.changed(decision.id()));
        });
    }

    /**
     * One conditional upsert that answers the ballot it replaced: none (a first ballot), an earlier one (a change:
     * the live counters move by the difference), or a duplicate key when the stored ballot already carries this
     * Idempotency-Key (a retry, answered as such) or another request inserted it first (read again and go on).
     */
    private Mono<BallotReceipt> standing(Decision decision, VotingUnit unit, String ballotId, Choice choice,
                                         String keyDigest, Instant now) {
        Update update = new Update().inc("rev", 1L).set("key", keyDigest);
        ballotDocument(decision, unit, choice, now).forEach(update::set);
        Criteria stored = Criteria.where("_id").is(ballotId);
        Query notThisRequest = Query.query(keyDigest == null ? stored : stored.and("key").ne(keyDigest));
        return mongo.findAndModify(notThisRequest, update, REPLACED, Document.class, BALLOTS)
            .onErrorMap(DuplicateKeyException.class, taken -> new AlreadyStored())
            .flatMap(earlier -> replaced(decision, unit, earlier, choice, now))
            .switchIfEmpty(Mono.defer(() -> first(decision, unit, ballotId, choice, now)))
            .onErrorResume(AlreadyStored.class, taken -> mongo.findById(ballotId, Document.class, BALLOTS)
                .filter(earlier -> keyDigest != null && keyDigest.equals(earlier.getString("key")))
                .map(earlier -> new BallotReceipt(decision.id(), unit.unit(), false, true,
                    earlier.getDate("castAt") == null ? null : earlier.getDate("castAt").toInstant(), decision.anonymity().changing()))
                .switchIfEmpty(Mono.error(RaceLost::new)))
            .retryWhen(Retry.max(5).filter(RaceLost.class::isInstance));
    }

    private Mono<BallotReceipt> first(Decision decision, VotingUnit unit, String ballotId, Choice choice, Instant now) {
        return tallies.apply(decision.id(), unit.cell(), choice.counters(decision), null, null)
            .then(confidentialVoter(decision, unit, ballotId, now))
            .thenReturn(new BallotReceipt(decision.id(), unit.unit(), false, false, now, decision.anonymity().changing()));
    }

    private Mono<BallotReceipt> replaced(Decision decision, VotingUnit unit, Document earlier, Choice choice, Instant now) {
        Choice before = Choice.of(earlier.get("choice", Document.class));
        VotingUnit.Cell beforeCell = cellOf(earlier.get("cell", Document.class));
        return tallies.apply(decision.id(), unit.cell(), choice.counters(decision), beforeCell, before.counters(decision))
            .then(confidentialVoter(decision, unit, earlier.getString("_id"), now))
            .thenReturn(new BallotReceipt(decision.id(), unit.unit(), true, false, now, decision.anonymity().changing()));
    }

    /**
     * An anonymous ballot, in steps each safe to repeat (ADR 0155): the mark, PENDING and naming the ballot's random id;
     * the ballot; then the mark is claimed (it stops naming the ballot) and the claim's winner adds the live counters.
     * A retry with the same Idempotency-Key, or {@link InterruptedBallots}, finishes what a crash left.
     */
    private Mono<BallotReceipt> finalBallot(Decision decision, VotingUnit unit, String markId, Choice choice,
                                            String keyDigest, Instant now) {
        String ballotId = UUID.randomUUID().toString();
        Document mark = new Document("_id", markId).append("decisionId", decision.id()).append("key", keyDigest)
            .append(PENDING_BALLOT, ballotId).append(PENDING_SINCE, java.util.Date.from(now));
        BallotReceipt receipt = new BallotReceipt(decision.id(), unit.unit(), false, false, null, decision.anonymity().changing());
        return mongo.insert(mark, MARKS)
            .then(Mono.defer(() -> finish(decision, markId, ballotDocument(decision, unit, choice, now).append("_id", ballotId))))
            .thenReturn(receipt)
            .onErrorResume(DuplicateKeyException.class, voted -> mongo.findById(markId, Document.class, MARKS)
                .filter(earlier -> keyDigest != null && keyDigest.equals(earlier.getString("key")))
                .flatMap(earlier -> earlier.getString(PENDING_BALLOT) == null ? Mono.just(earlier)
                    : finish(decision, markId, ballotDocument(decision, unit, choice, now)
                        .append("_id", earlier.getString(PENDING_BALLOT))).thenReturn(earlier))
                .map(earlier -> new BallotReceipt(decision.id(), unit.unit(), false, true, null, decision.anonymity().changing()))
                .switchIfEmpty(Mono.error(() -> Problem.conflict("ballot-final", "A ballot was already cast for "
                    + unit.label().toLowerCase() + " and anonymous ballots are final: nothing links it to you, so it "
                    + "cannot be changed.").with("unit", unit.unit()))));
    }

    /**
     * Stores the ballot of a PENDING mark (once: its id is the mark's) and claims the mark; whoever claims it adds the
     * ballot to the live counters, so they count it once. A mark already forgotten by the recovery (it found no ballot
     * after a long wait) takes the late ballot back out: the voter was never told it was cast.
     */
    Mono<Void> finish(Decision decision, String markId, Document ballot) {
        String ballotId = ballot.getString("_id");
        Update claim = new Update().unset(PENDING_BALLOT).unset(PENDING_SINCE);
        return mongo.insert(ballot, BALLOTS).onErrorResume(DuplicateKeyException.class, stored -> Mono.empty())
            .then(mongo.updateFirst(Query.query(Criteria.where("_id").is(markId).and(PENDING_BALLOT).is(ballotId)), claim, MARKS))
            .flatMap(claimed -> claimed.getModifiedCount() == 1
                ? counted(decision, ballot)
                : mongo.exists(Query.query(Criteria.where("_id").is(markId)), MARKS).flatMap(kept -> kept ? Mono.<Void>empty()
                    : mongo.remove(Query.query(Criteria.where("_id").is(ballotId)), BALLOTS)
                        .then(Mono.error(Problem.conflict("ballot-interrupted",
                            "Your ballot was interrupted and not counted: please cast it again.")))));
    }

    private Mono<Void> counted(Decision decision, Document ballot) {
        Choice choice = Choice.of(ballot.get("choice", Document.class));
        return tallies.apply(decision.id(), cellOf(ballot.get("cell", Document.class)), choice.counters(decision), null, null);
    }

    /** Whether this unit's ballot (or, for anonymous decisions, its mark) is stored. */
    Mono<Boolean> hasCast(Decision decision, VotingUnit unit) {
        String collection = decision.anonymity().allowsChanges() ? BALLOTS : MARKS;
        return keys.of(decision.id(), unit).flatMap(id -> mongo.exists(Query.query(Criteria.where("_id").is(id)), collection));
    }

    /** What a stored ballot holds: an anonymous one only its cell, choice and the day. */
    private static Document ballotDocument(Decision decision, VotingUnit unit, Choice choice, Instant now) {
        Document ballot = new Document("decisionId", decision.id()).append("cell", cellDocument(unit.cell()))
            .append("choice", choice.document());
        switch (decision.anonymity()) {
            case NAMED -> ballot.append("personId", unit.personId()).append("pupilId", unit.pupilId()).append("castAt", now);
            case CONFIDENTIAL -> ballot.append("castAt", now);
            case ANONYMOUS -> ballot.append("castOn", now.atZone(TRUST_ZONE).toLocalDate().toString());
        }
        return ballot;
    }

    private Mono<Void> confidentialVoter(Decision decision, VotingUnit unit, String ballotId, Instant now) {
        if (decision.anonymity() != Anonymity.CONFIDENTIAL) {
            return Mono.empty();
        }
        Update voter = new Update().set("decisionId", decision.id()).set("personId", unit.personId())
            .set("pupilId", unit.pupilId()).set("castAt", now);
        return mongo.upsert(Query.query(Criteria.where("_id").is(ballotId)), voter, VOTERS).then();
    }

    static Document cellDocument(VotingUnit.Cell cell) {
        return new Document("school", cell.school()).append("year", cell.year()).append("role", cell.role().name());
    }

    static VotingUnit.Cell cellOf(Document cell) {
        return new VotingUnit.Cell(cell.getString("school"), cell.getString("year"),
            app.chorus.directory.AudienceRole.valueOf(cell.getString("role")));
    }

    /** The upsert met a stored ballot it did not match: this request's own (a retry), or one inserted meanwhile. */
    private static final class AlreadyStored extends RuntimeException {
        AlreadyStored() {
            super(null, null, false, false);
        }
    }

    /** Another request for the same unit got there first: read again and go on from what it wrote. */
    private static final class RaceLost extends RuntimeException {
        RaceLost() {
            super(null, null, false, false);
        }
    }

}
