package app.chorus.decisions.internal;

import app.chorus.decisions.Method;
import app.chorus.directory.Audience;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A new decision as its leader describes it.
 *
 * @param question per language, {@code "en"} required
 * @param quorum APPROVAL only: the share of the eligible who must cast a ballot (0-1], or null for none
 * @param ranking RANKED_IRV only: the count's rules (default: earlier rounds, then the listed order)
 * @param schoolId the school deciding (school leaders), or null for a trust-wide decision (trust leaders)
 * @param consultationId the consultation whose decision phase this is, or null
 */
public record DecisionDraft(Map<String, String> question, String description, List<DecisionOption> options,
                            Method method, BigDecimal quorum, RankingRules ranking, Audience audience,
                            BallotUnit ballotUnit, Anonymity anonymity, Boolean hideResultsUntilClose,
                            Instant opensAt, Instant closesAt, String schoolId, String consultationId) {
}
