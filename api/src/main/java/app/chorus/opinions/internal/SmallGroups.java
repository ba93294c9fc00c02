package app.chorus.opinions.internal;

import app.chorus.surveys.internal.Suppression;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Small-number suppression for the groups' breakdowns: surveys' rule (fewer than 5 hidden, and enough others that
 * none can be worked out from the total), until the shared one moves out of surveys.
 */
final class SmallGroups {

    static final int MINIMUM = Suppression.MINIMUM;

    private SmallGroups() {
    }

    /** The counts with every hidden one replaced by null. */
    static Map<String, Long> shown(Map<String, Long> counts) {
        var hidden = Suppression.hiddenGroups(counts);
        Map<String, Long> shown = new LinkedHashMap<>();
        counts.forEach((key, count) -> shown.put(key, hidden.contains(key) ? null : count));
        return shown;
    }
}
