package app.chorus.notifications.internal.devices;

import java.time.Instant;

/** One app installation of a person that can receive pushes. */
public record Device(String installationId, String token, Platform platform, String appVersion, String locale,
                     Instant lastSeen) {
}
