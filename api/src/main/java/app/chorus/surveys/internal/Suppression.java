package app.chorus.surveys.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Small-number suppression for breakdowns: a group with fewer than {@link #MINIMUM} respondents is hidden, and so
 * many more (smallest first) that no hidden group can be worked out by subtracting the shown groups from the total:
 * never exactly one hidden group, and the hidden groups together hold at least {@link #MINIMUM} respondents.
 */
@org.springframework.modulith.NamedInterface("suppression")
public final class Suppression {

    public static final int MINIMUM = 5;

    private Suppression() {
    }

    public static Set<String> hiddenGroups(Map<String, Long> respondentsByGroup) {
        Set<String> hidden = new HashSet<>();
        List<Map.Entry<String, Long>> shown = new ArrayList<>();
        respondentsByGroup.entrySet().forEach(group -> {
            if (group.getValue() < MINIMUM) {
                hidden.add(group.getKey());
            } else {
                shown.add(group);
            }
        });
        shown.sort(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())));
        long hiddenTotal = hidden.stream().mapToLong(respondentsByGroup::get).sum();
        while (!hidden.isEmpty() && !shown.isEmpty() && (hidden.size() == 1 || hiddenTotal < MINIMUM)) {
            Map.Entry<String, Long> next = shown.remove(0);
            hidden.add(next.getKey());
            hiddenTotal += next.getValue();
        }
        return hidden;
    }
}
