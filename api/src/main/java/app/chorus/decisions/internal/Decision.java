package app.chorus.decisions.internal;

import app.chorus.decisions.DecisionClosed;
import app.chorus.decisions.DecisionOpened;
import app.chorus.decisions.DecisionOutcome;
import app.chorus.decisions.Method;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceRole;
import app.chorus.shared.Problem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The decision aggregate: the question, its options and method, who votes and how anonymously, when. Its rules are
 * fixed once created (a ballot's meaning cannot change under it); it opens, takes ballots and is closed and counted.
 */
@Document(Decision.COLLECTION)
public class Decision {

    public static final String COLLECTION = "decisions";
    public static final String DEFAULT_LANGUAGE = "en";

    @Id
    private String id;
    private String consultationId;
    private String schoolId;
    private Map<String, String> question;
    private String description;
    private List<DecisionOption> options;
    private Method method;
    private BigDecimal quorum;
    private RankingRules ranking;
    private Audience audience;
    private BallotUnit ballotUnit;
    private Anonymity anonymity;
    private boolean hideResultsUntilClose;
    private Instant opensAt;
    private Instant closesAt;
    private DecisionStatus status;
    private Instant openedAt;
    private Instant closedAt;
    private Instant closingClaimedAt;
    private Instant openingAnnouncedAt;
    private Instant closingAnnouncedAt;
    private String createdBy;
    private Instant createdAt;
    private StoredResult result;
    @Version
    private Long version;

    protected Decision() {
    }

    /** A decision as drafted, already checked by {@link DecisionRules}; open now or scheduled for {@code opensAt}. */
    static Decision create(String id, DecisionDraft draft, String createdBy, Instant now) {
        Decision decision = new Decision();
        decision.id = id;
        decision.consultationId = draft.consultationId();
        decision.schoolId = draft.schoolId();
        decision.question = Map.copyOf(draft.question());
        decision.description = draft.description();
        decision.options = draft.options() == null ? List.of() : List.copyOf(draft.options());
        decision.method = draft.method();
        decision.quorum = draft.method() == Method.APPROVAL ? draft.quorum() : null;
        decision.ranking = draft.method() == Method.RANKED_IRV ? draft.ranking() : null;
        decision.audience = draft.audience();
        decision.ballotUnit = draft.ballotUnit();
        decision.anonymity = draft.anonymity();
        decision.hideResultsUntilClose = Boolean.TRUE.equals(draft.hideResultsUntilClose());
        decision.opensAt = draft.opensAt();
        decision.closesAt = draft.closesAt();
        decision.createdBy = createdBy;
        decision.createdAt = now;
        boolean later = draft.opensAt() != null && draft.opensAt().isAfter(now);
        decision.status = later ? DecisionStatus.SCHEDULED : DecisionStatus.OPEN;
        decision.openedAt = later ? null : now;
        return decision;
    }

    /** The status voters see: a scheduled decision past its opening is open, an open one past its closing is closing. */
    public DecisionStatus statusAt(Instant now) {
        DecisionStatus current = status;
        if (current == DecisionStatus.SCHEDULED && !opensAt.isAfter(now)) {
            current = DecisionStatus.OPEN;
        }
        if (current == DecisionStatus.OPEN && !closesAt.isAfter(now)) {
            current = DecisionStatus.CLOSING;
        }
        return current;
    }

    /** Ballots are taken from opening until closing, to the second. */
    public void requireTakesBallots(Instant now) {
        switch (statusAt(now)) {
            case SCHEDULED -> throw Problem.conflict("decision-not-open", "This vote opens at " + opensAt
                + "; cast your ballot then.").with("opensAt", opensAt);
            case CLOSING, CLOSED -> throw Problem.conflict("decision-closed", "This vote closed at "
                + (closedAt != null ? closedAt : closesAt) + " and takes no more ballots.").with("closesAt", closesAt);
            case OPEN -> { }
        }
    }

    /** Leaders close a vote early; the count follows. */
    void closeNow(Instant now) {
        if (statusAt(now) == DecisionStatus.SCHEDULED) {
            throw Problem.conflict("decision-not-open", "This vote has not opened yet, so there is nothing to count.");
        }
        if (status == DecisionStatus.OPEN || status == DecisionStatus.SCHEDULED) {
            closesAt = now;
        }
    }

    public boolean perChild() {
        return ballotUnit.perChild() && audience.roles().contains(AudienceRole.CARERS);
    }

    /** Only a child's parents and guardians may cast the child's ballot (not other relatives). */
    public boolean parentsAndGuardiansOnly() {
        return ballotUnit == BallotUnit.PER_CHILD_PARENTS_AND_GUARDIANS;
    }

    public boolean resultsHiddenAt(Instant now) {
        return hideResultsUntilClose && statusAt(now) != DecisionStatus.CLOSED;
    }

    public List<String> optionIds() {
        return options.stream().map(DecisionOption::id).toList();
    }

    public String questionText() {
        return question.get(DEFAULT_LANGUAGE);
    }

    DecisionOpened opened() {
        return new DecisionOpened(id, consultationId, schoolId, audience, questionText(), closesAt);
    }

    DecisionClosed closed() {
        return new DecisionClosed(id, consultationId, schoolId, result.outcome());
    }

    /** The rules in words, shown to voters before they vote. */
    public List<String> statements() {
        String counting = switch (method) {
            case APPROVAL -> "Choose every option you approve of; the most approved wins."
                + (quorum == null ? "" : " The decision stands only if at least " + quorum.movePointRight(2).stripTrailingZeros()
                    .toPlainString() + "% of those who may vote cast a ballot (a ballot approving nothing counts as cast).");
            case SCORE -> "Give each option a score from 0 to 5; the highest mean wins.";
            case CONSENT -> "Agree, abstain, disagree or block. Give a reason to disagree or to block. Consent is reached "
                + "when nobody blocks; the blocks and their reasons are shown to the leaders deciding.";
            case RANKED_IRV -> ranking.statement();
            case BORDA -> "Rank the options, best first. Of " + options.size() + " options, your first choice gets "
                + options.size() + " points, your second " + (options.size() - 1) + ", and so on; the most points wins.";
        };
        return List.of(counting, ballotUnit.statement(), anonymity.statement(), anonymity.changing(),
            hideResultsUntilClose ? "Results are hidden until the vote closes." : "Results are shown live as ballots arrive.");
    }

    public String id() { return id; }
    public String consultationId() { return consultationId; }
    public String schoolId() { return schoolId; }
    public Map<String, String> question() { return question; }
    public String description() { return description; }
    public List<DecisionOption> options() { return options; }
    public Method method() { return method; }
    public BigDecimal quorum() { return quorum; }
    public RankingRules ranking() { return ranking; }
    public Audience audience() { return audience; }
    public BallotUnit ballotUnit() { return ballotUnit; }
    public Anonymity anonymity() { return anonymity; }
    public boolean hideResultsUntilClose() { return hideResultsUntilClose; }
    public Instant opensAt() { return opensAt; }
    public Instant closesAt() { return closesAt; }
    public DecisionStatus status() { return status; }
    public Instant openedAt() { return openedAt; }
    public Instant closedAt() { return closedAt; }
    public Instant closingClaimedAt() { return closingClaimedAt; }
    public Instant openingAnnouncedAt() { return openingAnnouncedAt; }
    public Instant closingAnnouncedAt() { return closingAnnouncedAt; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public StoredResult result() { return result; }

    /**
     * The count as stored at close.
     *
     * @param detail the count in full as JSON: for instant runoff RCTab's detailed report with every round
     */
    public record StoredResult(DecisionOutcome outcome, String detail) {
    }
}
