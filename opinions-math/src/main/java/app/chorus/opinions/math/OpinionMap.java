package app.chorus.opinions.math;

import java.util.List;
import java.util.Map;

/**
 * The opinion map after one update.
 *
 * @param participants every participant's group index, or null when not placed (under the vote minimum)
 * @param groups the opinion groups, index = position in this list
 * @param consensusAgree up to 5 statements most participants agree with (Polis's consensus test)
 * @param consensusDisagree up to 5 statements most participants disagree with
 * @param groupAwareConsensus per statement, the product over groups of (agrees + 1) / (seen + 2)
 */
public record OpinionMap(Map<String, Integer> participants, List<Group> groups, List<String> consensusAgree,
        List<String> consensusDisagree, Map<String, Double> groupAwareConsensus) {

    /** One opinion group: its size and up to 5 representative statements (agreed ones first). */
    public record Group(int id, int size, List<String> representative) {
    }
}
