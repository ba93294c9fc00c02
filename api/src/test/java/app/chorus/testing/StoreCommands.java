package app.chorus.testing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.TreeMap;

/** The commands the api's driver sent to the store (its command metrics), by command and collection: "find consultations". */
public final class StoreCommands {

    private final MeterRegistry meters;
    private Map<String, Double> before;

    public StoreCommands(MeterRegistry meters) {
        this.meters = meters;
        this.before = counts();
    }

    /** The commands sent since this was made or last taken. */
    public Map<String, Double> take() {
        Map<String, Double> now = counts();
        Map<String, Double> since = new TreeMap<>(now);
        since.replaceAll((kind, count) -> count - before.getOrDefault(kind, 0.0));
        before = now;
        return since;
    }

    private Map<String, Double> counts() {
        Map<String, Double> counts = new TreeMap<>();
        for (Timer timer : meters.find("mongodb.driver.commands").timers()) {
            counts.merge(timer.getId().getTag("command") + " " + timer.getId().getTag("collection"), (double) timer.count(), Double::sum);
        }
        return counts;
    }
}
