package app.chorus.notifications.internal.push;

import app.chorus.notifications.PushMessage;
import app.chorus.notifications.internal.PushProperties;
import app.chorus.notifications.internal.fanout.DeliveryChannel;
import com.google.firebase.FirebaseApp;
import com.google.firebase.messaging.BatchResponse;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.SendResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Push through the real Firebase Admin SDK: one {@code sendEach} per batch (at most 500 messages), on a
 * bounded executor of {@code httpConcurrency} threads, within the send-rate budget. Points at real FCM when
 * credentials are configured, otherwise at the FCM stand-in.
 */
@Component("notificationsPushChannel")
class PushChannel implements DeliveryChannel, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PushChannel.class);

    private final FirebaseApp app;
    private final FirebaseMessaging messaging;
    private final RateBudget budget;
    private final DailyDigests digests;

    PushChannel(PushProperties properties, ObjectProvider<EmbeddedFcm> embedded, DailyDigests digests) {
        this.digests = digests;
        FcmClients.SendThreads threads = new FcmClients.SendThreads(properties.httpConcurrencyLeast(),
            properties.httpConcurrency(), properties.ratePerMinute());
        this.app = properties.usesRealFcm()
            ? FcmClients.real(properties.credentials(), threads, properties.connectTimeout(), properties.readTimeout())
            : FcmClients.standIn(standInUrl(properties, embedded), properties.projectId(), threads,
                properties.httpConcurrency(), properties.connectTimeout(), properties.readTimeout());
        this.messaging = FcmClients.messaging(app);
        this.budget = new RateBudget(properties.ratePerMinute());
        log.info("Push goes to {}", properties.usesRealFcm() ? "Firebase Cloud Messaging" : "the FCM stand-in at " + standInUrl(properties, embedded));
    }

    private static String standInUrl(PushProperties properties, ObjectProvider<EmbeddedFcm> embedded) {
        if (!properties.embeddedStandIn()) {
            return properties.standInUrl();
        }
        EmbeddedFcm standIn = embedded.getIfAvailable();
        if (standIn == null) {
            throw new IllegalStateException("chorus.push.stand-in-url=embedded, but this jar holds no FCM stand-in: set "
                + "chorus.push.credentials (GOOGLE_APPLICATION_CREDENTIALS) for real FCM, point CHORUS_FCM_STAND_IN_URL at a running "
                + "stand-in, or run the api through ./chorus up, which adds the devtools module");
        }
        return standIn.url();
    }

    @Override
    public String name() {
        return "push";
    }

    @Override
    public Delivery deliver(PushMessage message, List<Document> targets) throws InterruptedException {
        Set<Integer> skipped = digests.alreadyHeldByOthers(message.fanOutId(), targets).block();
        List<Message> messages = new ArrayList<>(targets.size());
        List<Integer> sent = new ArrayList<>(targets.size());
        PushMessages builder = new PushMessages(message);
        for (int i = 0; i < targets.size(); i++) {
            Document target = targets.get(i);
            if (!skipped.contains(i)) {
                messages.add(builder.build(target.getString("t"), target.getString("l"), target.getString("pl"),
                    target.getString("d")));
                sent.add(i);
            }
        }
        if (messages.isEmpty()) {
            return new Delivery(targets.stream().map(t -> SendOutcome.SKIPPED).toList(), Duration.ZERO);
        }
        Delivery delivery = send(messages);
        List<SendOutcome> outcomes = new ArrayList<>(Collections.nCopies(targets.size(), SendOutcome.SKIPPED));
        for (int i = 0; i < sent.size(); i++) {
            outcomes.set(sent.get(i), delivery.outcomes().get(i));
        }
        return new Delivery(outcomes, delivery.retryAfter());
    }

    private Delivery send(List<Message> messages) throws InterruptedException {
        budget.acquire(messages.size());
        BatchResponse response;
        try {
            response = messaging.sendEach(messages);
        } catch (FirebaseMessagingException e) {
            SendOutcome outcome = SendOutcome.of(e);
            return new Delivery(messages.stream().map(m -> outcome == SendOutcome.RETIRE_TOKEN ? SendOutcome.RETRY : outcome).toList(),
                SendOutcome.retryAfter(e));
        }
        List<SendOutcome> outcomes = new ArrayList<>(messages.size());
        Duration retryAfter = Duration.ZERO;
        int transportErrors = 0;
        for (SendResponse each : response.getResponses()) {
            if (each.isSuccessful()) {
                outcomes.add(SendOutcome.ACCEPTED);
                continue;
            }
            outcomes.add(SendOutcome.of(each.getException()));
            if (each.getException().getMessagingErrorCode() == null) {
                transportErrors++;
            }
            Duration asked = SendOutcome.retryAfter(each.getException());
            retryAfter = asked.compareTo(retryAfter) > 0 ? asked : retryAfter;
        }
        if (transportErrors > 0) {
            log.warn("{} of {} sends failed without an FCM answer (timeout or connection error): they are retried and "
                + "may repeat a message FCM already accepted (same collapse id)", transportErrors, messages.size());
        }
        return new Delivery(outcomes, retryAfter);
    }

    @Override
    public void destroy() {
        app.delete();
    }
}
