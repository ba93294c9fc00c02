package app.chorus.decisions.internal;

import java.util.List;
import java.util.Map;

/**
 * A ballot as cast; which fields it has depends on the method.
 *
 * @param unit {@code "self"} or the pupil id voted for; may be left out by someone with one unit only
 * @param ranking RANKED_IRV and BORDA: option ids, best first, each once
 * @param approve APPROVAL: the option ids approved (none: an abstention, which counts as cast)
 * @param scores SCORE: option id -> 0..5
 * @param position CONSENT: AGREE, ABSTAIN, DISAGREE or BLOCK
 * @param reason CONSENT: why, required to disagree or block (at most 2000 characters)
 */
public record BallotRequest(String unit, List<String> ranking, List<String> approve, Map<String, Integer> scores,
                            String position, String reason) {
}
