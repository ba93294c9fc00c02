package app.chorus.notifications.internal.push;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.ThreadManager;
import com.google.firebase.messaging.FirebaseMessaging;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds Firebase apps: real FCM with service-account credentials, or the stand-in. */
public final class FcmClients {

    private FcmClients() {
    }

    /** How many requests a Firebase app keeps in flight: from {@code least} to {@code most}, as the budget needs. */
    public record SendThreads(int least, int most, long ratePerMinute) {
    }

    /** A Firebase app for the stand-in at {@code standInUrl}; {@code threads} null keeps the SDK's default pool. */
    public static FirebaseApp standIn(String standInUrl, String projectId, SendThreads threads, int connections,
                                      Duration connectTimeout, Duration readTimeout) {
        FirebaseOptions.Builder options = FirebaseOptions.builder()
            .setCredentials(new FixedTokenCredentials())
            .setProjectId(projectId)
            .setHttpTransport(StandInTransport.to(standInUrl, connections))
            .setConnectTimeout((int) connectTimeout.toMillis())
            .setReadTimeout((int) readTimeout.toMillis());
        if (threads != null) {
            options.setThreadManager(new BoundedThreadManager(threads));
        }
        return FirebaseApp.initializeApp(options.build(), "chorus-" + UUID.randomUUID());
    }

    /** A Firebase app for real FCM, from a service-account JSON file. */
    public static FirebaseApp real(String credentialsFile, SendThreads threads, Duration connectTimeout, Duration readTimeout) {
        try (InputStream in = new FileInputStream(credentialsFile)) {
            FirebaseOptions options = FirebaseOptions.builder()
                .setCredentials(GoogleCredentials.fromStream(in))
                .setThreadManager(new BoundedThreadManager(threads))
                .setConnectTimeout((int) connectTimeout.toMillis())
                .setReadTimeout((int) readTimeout.toMillis())
                .build();
            return FirebaseApp.initializeApp(options, "chorus-" + UUID.randomUUID());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Firebase credentials from " + credentialsFile
                + ": set chorus.push.credentials (or GOOGLE_APPLICATION_CREDENTIALS) to a service-account JSON file", e);
        }
    }

    public static FirebaseMessaging messaging(FirebaseApp app) {
        return FirebaseMessaging.getInstance(app);
    }

    /**
     * The SDK runs each message of a {@code sendEach} as a task on this executor: its size is the number of
     * HTTP requests in flight (the SDK's default pool caps that at about 100), adapted to the server's latency.
     */
    static final class BoundedThreadManager extends ThreadManager {

        private final SendThreads threads;
        private final AtomicInteger counter = new AtomicInteger();

        BoundedThreadManager(SendThreads threads) {
            this.threads = threads;
        }

        @Override
        protected ExecutorService getExecutor(FirebaseApp app) {
            return new AdaptiveSendPool(threads.least(), threads.most(), threads.ratePerMinute(), getThreadFactory());
        }

        @Override
        protected void releaseExecutor(FirebaseApp app, ExecutorService executor) {
            executor.shutdownNow();
        }

        @Override
        protected ThreadFactory getThreadFactory() {
            return runnable -> {
                Thread thread = new Thread(runnable, "fcm-send-" + counter.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
        }
    }
}
