package app.chorus.consultations.internal;

import app.chorus.announcements.FeedNotice;
import app.chorus.announcements.FeedNotices;
import app.chorus.consultations.ConsultationOpened;
import app.chorus.consultations.OutcomePublished;
import app.chorus.platform.DomainEventListener;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A consultation opening and its outcome appear in the audience's feeds (and so in the mobile app's delta sync), not
 * only as pushes. One notice per consultation and kind, so an event published again changes nothing.
 */
@Component
class ConsultationFeed {

    private final FeedNotices notices;

    ConsultationFeed(FeedNotices notices) {
        this.notices = notices;
    }

    Mono<Void> opened(ConsultationOpened event) {
        return notices.post(new FeedNotice("consultation:" + event.consultationId() + ":opened", event.schoolId(), event.audience(),
            event.titles(), Map.of(event.defaultLanguage(), "Have your say: the consultation is open."), event.defaultLanguage(),
            "/consultations/" + event.consultationId(), "Take part", event.at()));
    }

    Mono<Void> outcome(OutcomePublished event) {
        return notices.post(new FeedNotice("consultation:" + event.consultationId() + ":outcome", event.schoolId(), event.audience(),
            event.titles(), Map.of(event.defaultLanguage(), "You said, we did: " + event.summary()), event.defaultLanguage(),
            "/consultations/" + event.consultationId(), "See the outcome", event.at()));
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Listeners {

        @org.springframework.context.annotation.Bean
        DomainEventListener<ConsultationOpened> feedOpenedConsultations(ConsultationFeed feed) {
            return ConsultationPushes.listener(ConsultationOpened.class, feed::opened);
        }

        @org.springframework.context.annotation.Bean
        DomainEventListener<OutcomePublished> feedOutcomes(ConsultationFeed feed) {
            return ConsultationPushes.listener(OutcomePublished.class, feed::outcome);
        }
    }
}
