package app.chorus.notifications.internal.push;

import app.chorus.notifications.PushMessage;
import app.chorus.notifications.Urgency;
import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.ApnsConfig;
import com.google.firebase.messaging.Aps;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.Notification;

/**
 * One FCM message per target, in the recipient's language, with the fan-out's stable collapse id (Android
 * {@code collapse_key}, APNs {@code apns-collapse-id}) so a repeat after a crash shows once on the phone.
 * Daily-digest targets share one collapse id per person per day.
 */
public final class PushMessages {

    private static final String DIGEST_TITLE = "New messages from your school";

    private PushMessages() {
    }

    public static String collapseId(PushMessage message) {
        String id = message.source() + "-" + message.sourceId() + "-v" + message.version();
        return id.length() <= 64 ? id : id.substring(0, 64);
    }

    @SuppressWarnings("deprecation")
    /** {@code digestDay} is the day of the daily digest this push stands for, or null for a push of its own. */
    public static Message build(PushMessage message, String token, String language, String platform, String digestDay) {
        boolean digest = digestDay != null;
        String collapseId = digest ? "digest-" + digestDay : collapseId(message);
        String title = digest ? DIGEST_TITLE : message.title(language);
        String body = digest ? "Open Chorus to read them." : message.body(language);
        boolean loud = message.urgency() != Urgency.NORMAL;
        Message.Builder builder = Message.builder()
            .setToken(token)
            .setNotification(Notification.builder().setTitle(title).setBody(body).build())
            .putData("source", message.source())
            .putData("sourceId", message.sourceId())
            .putData("version", String.valueOf(message.version()))
            .putData("urgency", message.urgency().name().toLowerCase())
            .putData("language", language);
        if (!"IOS".equals(platform)) {
            builder.setAndroidConfig(AndroidConfig.builder().setCollapseKey(collapseId)
                .setPriority(loud ? AndroidConfig.Priority.HIGH : AndroidConfig.Priority.NORMAL).build());
        }
        if (!"ANDROID".equals(platform)) {
            builder.setApnsConfig(ApnsConfig.builder().putHeader("apns-collapse-id", collapseId)
                .putHeader("apns-priority", loud ? "10" : "5")
                .setAps(Aps.builder().setSound(loud ? "default" : null).build()).build());
        }
        return builder.build();
    }
}
