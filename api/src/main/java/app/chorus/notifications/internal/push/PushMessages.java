package app.chorus.notifications.internal.push;

import app.chorus.notifications.PushMessage;
import app.chorus.notifications.Urgency;
import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.ApnsConfig;
import com.google.firebase.messaging.Aps;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.Notification;
import java.util.HashMap;
import java.util.Map;

/**
 * FCM messages of one fan-out, one per target, in the recipient's language, with the fan-out's stable collapse id
 * (Android {@code collapse_key}, APNs {@code apns-collapse-id}) so a repeat after a crash shows once on the phone.
 * Daily-digest targets share one collapse id per person per day. The parts that do not depend on the device
 * (notification per language, Android and APNs settings, data) are built once and shared by the batch's messages
 * (the SDK's objects are immutable).
 */
public final class PushMessages {

    private static final String DIGEST_TITLE = "New messages from your school";

    private final PushMessage message;
    private final Map<String, Shared> shared = new HashMap<>();

    public PushMessages(PushMessage message) {
        this.message = message;
    }

    public static String collapseId(PushMessage message) {
        String id = message.source() + "-" + message.sourceId() + "-v" + message.version();
        return id.length() <= 64 ? id : id.substring(0, 64);
    }

    /** {@code digestDay} is the day of the daily digest this push stands for, or null for a push of its own. */
    public Message build(String token, String language, String platform, String digestDay) {
        Shared parts = shared.computeIfAbsent(language + "|" + digestDay, key -> new Shared(message, language, digestDay));
        Message.Builder builder = Message.builder()
            .setToken(token)
            .setNotification(parts.notification)
            .putAllData(parts.data);
        if (!"IOS".equals(platform)) {
            builder.setAndroidConfig(parts.android);
        }
        if (!"ANDROID".equals(platform)) {
            builder.setApnsConfig(parts.apns);
        }
        return builder.build();
    }

    /** What every message of one language (and digest day) has in common. */
    private static final class Shared {

        private final Notification notification;
        private final Map<String, String> data;
        private final AndroidConfig android;
        private final ApnsConfig apns;

        @SuppressWarnings("deprecation")
        Shared(PushMessage message, String language, String digestDay) {
            boolean digest = digestDay != null;
            String collapseId = digest ? "digest-" + digestDay : collapseId(message);
            boolean loud = message.urgency() != Urgency.NORMAL;
            this.notification = Notification.builder()
                .setTitle(digest ? DIGEST_TITLE : message.title(language))
                .setBody(digest ? "Open Chorus to read them." : message.body(language))
                .build();
            this.data = Map.of("source", message.source(), "sourceId", message.sourceId(),
                "version", String.valueOf(message.version()), "urgency", message.urgency().name().toLowerCase(),
                "language", language);
            this.android = AndroidConfig.builder().setCollapseKey(collapseId)
                .setPriority(loud ? AndroidConfig.Priority.HIGH : AndroidConfig.Priority.NORMAL).build();
            this.apns = ApnsConfig.builder().putHeader("apns-collapse-id", collapseId)
                .putHeader("apns-priority", loud ? "10" : "5")
                .setAps(Aps.builder().setSound(loud ? "default" : null).build()).build();
        }
    }
}
