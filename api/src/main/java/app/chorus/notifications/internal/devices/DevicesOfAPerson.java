package app.chorus.notifications.internal.devices;

import app.chorus.rights.PersonalDataSource;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** A person's app installations that receive pushes, and their notification preferences, for a subject access export. */
@Component
class DevicesOfAPerson implements PersonalDataSource {

    private final Recipients recipients;

    DevicesOfAPerson(Recipients recipients) {
        this.recipients = recipients;
    }

    @Override
    public String section() {
        return "devices";
    }

    @Override
    public Flux<Map<String, Object>> about(String personId) {
        return recipients.find(personId).flatMapMany(recipient -> {
            Flux<Map<String, Object>> devices = Flux.fromIterable(Recipients.devicesOf(recipient)).map(device -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("type", "device");
                item.put("installationId", device.installationId());
                item.put("platform", device.platform());
                item.put("appVersion", device.appVersion());
                item.put("locale", device.locale());
                item.put("lastSeen", device.lastSeen());
                return item;
            });
            Map<String, Object> preferences = new LinkedHashMap<>();
            preferences.put("type", "preferences");
            preferences.put("preferences", Recipients.preferencesOf(recipient));
            return Flux.concat(devices, Flux.just(preferences));
        });
    }
}
