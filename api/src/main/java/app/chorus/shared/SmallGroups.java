package app.chorus.shared;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The trust's small-number suppression, one policy for surveys, consultations, decisions and the opinion map: a
 * figure about fewer than {@link #minimum()} people is hidden, and in a breakdown so many more groups (smallest
 * first) that no hidden group can be worked out by subtracting the shown groups from the total: never exactly one
 * hidden group, and the hidden groups together hold at least {@code minimum} people.
 *
 * <p>The minimum is 5; a trust may raise it ({@value #PROPERTY}), never lower it.
 *
 * @param minimum the smallest group whose figures are shown
 */
public record SmallGroups(int minimum) {

    public static final int FLOOR = 5;
    public static final String PROPERTY = "chorus.privacy.smallest-group";
    public static final SmallGroups DEFAULT = new SmallGroups(FLOOR);

    public SmallGroups {
        if (minimum < FLOOR) {
            throw new IllegalArgumentException(PROPERTY + " is " + minimum + " but may not be below " + FLOOR
                + ": figures about fewer than " + FLOOR + " people are never shown. Remove the setting or raise it.");
        }
    }

    /** Whether a figure about this many people must be hidden. */
    public boolean hides(long people) {
        return people < minimum;
    }

    /** The groups of a breakdown to hide, given the people in each. */
    public Set<String> hiddenGroups(Map<String, Long> peopleByGroup) {
        Set<String> hidden = new HashSet<>();
        List<Map.Entry<String, Long>> shown = new ArrayList<>();
        peopleByGroup.entrySet().forEach(group -> {
            if (hides(group.getValue())) {
                hidden.add(group.getKey());
            } else {
                shown.add(group);
            }
        });
        shown.sort(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())));
        long hiddenTotal = hidden.stream().mapToLong(peopleByGroup::get).sum();
        while (!hidden.isEmpty() && !shown.isEmpty() && (hidden.size() == 1 || hides(hiddenTotal))) {
            Map.Entry<String, Long> next = shown.remove(0);
            hidden.add(next.getKey());
            hiddenTotal += next.getValue();
        }
        return hidden;
    }
}
