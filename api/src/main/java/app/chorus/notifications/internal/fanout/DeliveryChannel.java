package app.chorus.notifications.internal.fanout;

import app.chorus.notifications.PushMessage;
import app.chorus.notifications.internal.push.SendOutcome;
import java.time.Duration;
import java.util.List;
import org.bson.Document;

/** A way to reach people (push, email, sms). Blocking: called on fan-out worker threads only. */
public interface DeliveryChannel {

    String name();

    /** Sends the message to each target; one outcome per target, in order. */
    Delivery deliver(PushMessage message, List<Document> targets) throws InterruptedException;

    /** Outcomes per target, and the longest Retry-After the provider asked for. */
    record Delivery(List<SendOutcome> outcomes, Duration retryAfter) {
    }
}
