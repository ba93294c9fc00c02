package app.chorus.notifications.internal;

import app.chorus.announcements.AnnouncementPublished;
import app.chorus.announcements.AnnouncementRetracted;
import app.chorus.notifications.Notifications;
import app.chorus.notifications.PushMessage;
import app.chorus.notifications.Urgency;
import app.chorus.platform.DomainEventListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * A published announcement is pushed to its audience (one fan-out per announcement and version, so a repeated
 * event changes nothing); a retracted one stops what has not been sent yet.
 */
@Configuration(value = "notificationsAnnouncementListeners", proxyBeanMethods = false)
class AnnouncementListeners {

    static final String SOURCE = "announcement";

    @Bean
    DomainEventListener<AnnouncementPublished> pushPublishedAnnouncements(Notifications notifications) {
        return new DomainEventListener<>() {
            @Override
            public Class<AnnouncementPublished> eventType() {
                return AnnouncementPublished.class;
            }

            @Override
            public Mono<Void> on(AnnouncementPublished event) {
                return notifications.fanOut(toPush(event)).then();
            }
        };
    }

    @Bean
    DomainEventListener<AnnouncementRetracted> stopRetractedAnnouncements(Notifications notifications) {
        return new DomainEventListener<>() {
            @Override
            public Class<AnnouncementRetracted> eventType() {
                return AnnouncementRetracted.class;
            }

            @Override
            public Mono<Void> on(AnnouncementRetracted event) {
                return notifications.retract(event.announcementId());
            }
        };
    }

    static PushMessage toPush(AnnouncementPublished event) {
        return new PushMessage(SOURCE, event.announcementId(), event.version(), event.schoolId(), event.audience(),
            Urgency.valueOf(event.priority().name()), event.titles(),
            event.summaries() == null ? java.util.Map.of() : event.summaries(), event.defaultLanguage());
    }
}
