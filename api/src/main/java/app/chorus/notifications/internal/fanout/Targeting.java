package app.chorus.notifications.internal.fanout;

import app.chorus.directory.AudienceMember;
import app.chorus.notifications.PushMessage;
import app.chorus.notifications.Urgency;
import app.chorus.notifications.internal.PushProperties;
import app.chorus.notifications.internal.devices.Device;
import app.chorus.notifications.internal.devices.Preferences;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.BiConsumer;
import org.bson.Document;

/**
 * Decides, for one recipient, which devices get the message and when (now, after quiet hours, at the digest
 * hour), and whether an email goes now (no device) or later unless opened. Urgent messages ignore quiet hours,
 * mutes and digests.
 */
final class Targeting {

    static final String PUSH = "push";
    static final String EMAIL = "email";

    private final PushProperties properties;

    Targeting(PushProperties properties) {
        this.properties = properties;
    }

    /** Where a target goes: channel and the earliest time it may be sent. */
    record Slot(String channel, Instant notBefore) {
    }

    void plan(PushMessage message, AudienceMember member, List<Device> devices, Preferences preferences, Instant now,
              BiConsumer<Slot, Document> into) {
        boolean urgent = message.urgency() == Urgency.URGENT;
        if (!urgent && muted(message, member, preferences)) {
            return;
        }
        String language = languageOf(message, member, preferences);
        boolean digest = !urgent && message.urgency() == Urgency.NORMAL && preferences.dailyDigest();
        ZonedDateTime digestAt = digest ? nextDigest(now) : null;
        Instant pushAt = urgent ? now : afterQuietHours(preferences, digest ? digestAt : now.atZone(Preferences.TRUST_ZONE));
        List<Device> reachable = preferences.wants(PUSH) ? devices : List.of();
        for (Device device : reachable) {
            Document target = new Document("p", member.personId()).append("t", device.token())
                .append("l", language).append("pl", device.platform().name());
            if (digest) {
                target.append("d", digestAt.toLocalDate().toString());
            }
            into.accept(new Slot(PUSH, pushAt), target);
        }
        if (message.urgency() != Urgency.NORMAL && preferences.wants(EMAIL)) {
            boolean noDevice = reachable.isEmpty();
            Instant emailAt = noDevice ? now : now.plus(properties.emailFallbackAfter());
            into.accept(new Slot(EMAIL, emailAt), new Document("p", member.personId()).append("l", language)
                .append("u", !noDevice));
        }
    }

    private static boolean muted(PushMessage message, AudienceMember member, Preferences preferences) {
        if (preferences.mutedSchools().isEmpty()) {
            return false;
        }
        if (message.schoolId() != null) {
            return preferences.mutedSchools().contains(message.schoolId());
        }
        return !member.schoolIds().isEmpty() && preferences.mutedSchools().containsAll(member.schoolIds());
    }

    private static String languageOf(PushMessage message, AudienceMember member, Preferences preferences) {
        if (message.hasTranslation(preferences.language())) {
            return preferences.language();
        }
        if (message.hasTranslation(member.preferredLanguage())) {
            return member.preferredLanguage();
        }
        return message.defaultLanguage();
    }

    /** The next digest hour (today's, or tomorrow's once it has passed): its date names the day's digest. */
    private ZonedDateTime nextDigest(Instant now) {
        ZonedDateTime local = now.atZone(Preferences.TRUST_ZONE);
        ZonedDateTime digestTime = local.with(properties.digestAt());
        return digestTime.isBefore(local) ? digestTime.plusDays(1) : digestTime;
    }

    private static Instant afterQuietHours(Preferences preferences, ZonedDateTime at) {
        ZonedDateTime quietEnd = preferences.quietEnd(at);
        return (quietEnd == null ? at : quietEnd).toInstant();
    }
}
