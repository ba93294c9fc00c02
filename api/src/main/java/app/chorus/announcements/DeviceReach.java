package app.chorus.announcements;

import java.util.Collection;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Implemented by the module that keeps people's devices (notifications), so a reach preview can say how many
 * devices an announcement would reach without announcements depending on it. Optional: without an
 * implementation the preview counts people only.
 */
public interface DeviceReach {

    /**
     * How many working (registered, not retired) devices each of these people has, in one bounded read;
     * people without a device may be left out. Called with at most a few hundred ids at a time.
     */
    Mono<Map<String, Integer>> devicesOf(Collection<String> personIds);
}
