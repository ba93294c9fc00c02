package app.chorus.notifications.internal;

import app.chorus.announcements.AnnouncementReceipts;
import app.chorus.notifications.PushMessage;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Feeds an announcement's reach analytics: delivered (FCM or the mail server accepted it) per person and
 * channel, and opened. Receipts are idempotent on the announcements side; they are sent once per batch after it is
 * recorded, without holding up the fan-out.
 */
@Component("notificationsReachFeedback")
public class ReachFeedback {

    private static final Logger log = LoggerFactory.getLogger(ReachFeedback.class);
    static final String ANNOUNCEMENT = "announcement";

    private final ObjectProvider<AnnouncementReceipts> receipts;

    ReachFeedback(ObjectProvider<AnnouncementReceipts> receipts) {
        this.receipts = receipts;
    }

    public void delivered(PushMessage message, String channel, List<Document> targets) {
        AnnouncementReceipts announcements = receipts.getIfAvailable();
        if (announcements == null || !ANNOUNCEMENT.equals(message.source()) || targets.isEmpty()) {
            return;
        }
        Set<String> people = new LinkedHashSet<>();
        targets.forEach(target -> people.add(target.getString("p")));
        announcements.recordDelivered(message.sourceId(), people, channel, Instant.now())
            .doOnError(e -> log.warn("Reach receipts for {} not recorded: {}", message.fanOutId(), e.getMessage()))
            .onErrorComplete()
            .subscribe();
    }

    public Mono<Void> opened(String source, String sourceId, String personId, Instant at) {
        AnnouncementReceipts announcements = receipts.getIfAvailable();
        if (announcements == null || !ANNOUNCEMENT.equals(source)) {
            return Mono.empty();
        }
        return announcements.recordOpened(sourceId, personId, at);
    }
}
