package app.chorus.notifications.internal;

import app.chorus.announcements.AnnouncementReceipts;
import app.chorus.notifications.PushMessage;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Feeds an announcement's reach analytics: delivered (FCM or the mail server accepted it) per person and
 * channel, and opened. Receipts are idempotent on the announcements side; delivered ones are recorded once per batch
 * after it is sent, without holding up the fan-out, and again by a sweep when a crash interrupted that (ADR 0099).
 */
@Component("notificationsReachFeedback")
public class ReachFeedback {

    static final String ANNOUNCEMENT = "announcement";

    private final ObjectProvider<AnnouncementReceipts> receipts;

    ReachFeedback(ObjectProvider<AnnouncementReceipts> receipts) {
        this.receipts = receipts;
    }

    /** Whether deliveries of this message count in someone's reach analytics (announcements do). */
    public boolean counts(PushMessage message) {
        return receipts.getIfAvailable() != null && ANNOUNCEMENT.equals(message.source());
    }

    /** Delivered receipts of {@code targets} (per person, idempotent), completing when they are recorded. */
    public Mono<Void> delivered(PushMessage message, String channel, List<Document> targets, Instant at) {
        if (!counts(message) || targets.isEmpty()) {
            return Mono.empty();
        }
        Set<String> people = new LinkedHashSet<>();
        targets.forEach(target -> people.add(target.getString("p")));
        return receipts.getObject().recordDelivered(message.sourceId(), people, channel, at);
    }

    /** Pushes of the message given up for {@code reason}, shown with an announcement's reach (ADR 0343). */
    public Mono<Void> givenUp(PushMessage message, String reason, int count) {
        if (!counts(message) || count == 0) {
            return Mono.empty();
        }
        return receipts.getObject().recordPushesGivenUp(message.sourceId(), reason, count);
    }

    public Mono<Void> opened(String source, String sourceId, String personId, Instant at) {
        AnnouncementReceipts announcements = receipts.getIfAvailable();
        if (announcements == null || !ANNOUNCEMENT.equals(source)) {
            return Mono.empty();
        }
        return announcements.recordOpened(sourceId, personId, at);
    }
}
