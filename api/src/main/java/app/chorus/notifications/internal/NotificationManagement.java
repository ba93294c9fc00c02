package app.chorus.notifications.internal;

import app.chorus.notifications.FanOutProgress;
import app.chorus.notifications.Notifications;
import app.chorus.notifications.PushMessage;
import app.chorus.notifications.internal.fanout.FanOutService;
import app.chorus.shared.Problem;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The module's public entry point: fan-outs, their progress, opens. */
@Service("notificationsNotificationManagement")
class NotificationManagement implements Notifications {

    private final FanOutService fanOuts;
    private final Opens opens;
    private final ReachFeedback reach;
    private final Clock clock;

    NotificationManagement(FanOutService fanOuts, Opens opens, ReachFeedback reach, ObjectProvider<Clock> clock) {
        this.fanOuts = fanOuts;
        this.opens = opens;
        this.reach = reach;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public Mono<String> fanOut(PushMessage message) {
        validate(message);
        return fanOuts.start(message);
    }

    @Override
    public Mono<FanOutProgress> progress(String fanOutId) {
        return fanOuts.progress(fanOutId);
    }

    @Override
    public Mono<Void> retract(String sourceId) {
        return fanOuts.cancel(sourceId);
    }

    @Override
    public Mono<Void> recordOpened(String source, String sourceId, String personId) {
        var now = clock.instant();
        return opens.record(source, sourceId, personId, now).then(reach.opened(source, sourceId, personId, now));
    }

    private static void validate(PushMessage message) {
        if (message.title(message.defaultLanguage()) == null) {
            throw Problem.badRequest("missing-title", "A push needs a title in its default language "
                + message.defaultLanguage() + ".");
        }
    }
}
