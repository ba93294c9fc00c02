package app.chorus.notifications.internal.devices;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * How a person wants to be reached. Quiet hours are local times in the trust's zone (Europe/London) and may
 * span midnight (21:00-07:00).
 */
public record Preferences(Set<String> channels, LocalTime quietFrom, LocalTime quietUntil, Set<String> mutedSchools,
                          String language, boolean dailyDigest) {

    public static final ZoneId TRUST_ZONE = ZoneId.of("Europe/London");
    public static final Set<String> CHANNELS = Set.of("push", "email", "sms");
    public static final Preferences DEFAULTS = new Preferences(Set.of("push", "email"), null, null, Set.of(), null, false);

    public Preferences {
        channels = Set.copyOf(channels);
        mutedSchools = Set.copyOf(mutedSchools);
    }

    public boolean wants(String channel) {
        return channels.contains(channel);
    }

    public boolean hasQuietHours() {
        return quietFrom != null && quietUntil != null;
    }

    /** When quiet hours that hold {@code now} end, or null when {@code now} is not in quiet hours. */
    public ZonedDateTime quietEnd(ZonedDateTime now) {
        if (!hasQuietHours()) {
            return null;
        }
        LocalTime time = now.toLocalTime();
        boolean overnight = quietFrom.isAfter(quietUntil);
        boolean quiet = overnight
            ? !time.isBefore(quietFrom) || time.isBefore(quietUntil)
            : !time.isBefore(quietFrom) && time.isBefore(quietUntil);
        if (!quiet) {
            return null;
        }
        ZonedDateTime end = now.with(quietUntil);
        return end.isAfter(now) ? end : end.plusDays(1);
    }
}
