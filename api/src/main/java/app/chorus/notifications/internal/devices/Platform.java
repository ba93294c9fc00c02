package app.chorus.notifications.internal.devices;

import app.chorus.shared.Problem;
import java.util.Arrays;
import java.util.Locale;

/** Where an app runs; decides the Android or APNs settings a push carries. */
public enum Platform {
    ANDROID, IOS, WEB;

    static Platform parse(String value) {
        if (value == null || value.isBlank()) {
            throw Problem.badRequest("unknown-platform", "Say which platform the device is: one of android, ios, web.")
                .with("field", "platform");
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("unknown-platform", "Platform '" + value + "' is not supported: use one of "
                + Arrays.toString(values()).toLowerCase(Locale.ROOT) + ".").with("field", "platform");
        }
    }
}
