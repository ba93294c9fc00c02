package app.chorus.notifications.internal.devices;

import app.chorus.announcements.DeviceReach;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Answers announcements' reach preview: the devices a push would go to, per person. Retired tokens are already
 * gone from a person's devices; a person who turned push off has none that count.
 */
@Component
class DevicesReached implements DeviceReach {

    private final Recipients recipients;

    DevicesReached(Recipients recipients) {
        this.recipients = recipients;
    }

    @Override
    public Mono<Map<String, Integer>> devicesOf(Collection<String> personIds) {
        if (personIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return recipients.devicesAndPreferences(personIds)
            .filter(recipient -> Recipients.preferencesOf(recipient).wants("push"))
            .collect(HashMap::new, (counts, recipient) -> {
                int devices = recipient.getList("devices", Document.class, List.of()).size();
                if (devices > 0) {
                    counts.put(recipient.getString("_id"), devices);
                }
            });
    }
}
