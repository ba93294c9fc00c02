package app.chorus.notifications.internal.push;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trust's pushes go out at FCM's pace whatever its latency: a slow FCM gets enough requests in flight to keep the
 * rate budget's pace, a fast one only a few threads, so that a small server's CPU sends instead of switching.
 */
class FcmLatencySetsRequestsInFlightTests {

    private static final long FCM_DEFAULT_QUOTA = 600_000;

    private AdaptiveSendPool pool;

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aSlowFcmGetsEnoughRequestsInFlightForTheBudgetsPace() throws InterruptedException {
        pool = new AdaptiveSendPool(8, 400, FCM_DEFAULT_QUOTA, Thread::new);

        int mostInFlight = send(2_000, 40);

        // 10,000 messages/s at 40 ms each need 400 in flight: the most allowed
        assertThat(mostInFlight).isGreaterThanOrEqualTo(300);
    }

    @Test
    void aFastFcmKeepsTheFewestThreads() throws InterruptedException {
        pool = new AdaptiveSendPool(8, 400, FCM_DEFAULT_QUOTA, Thread::new);

        int mostInFlight = send(5_000, 0);

        assertThat(mostInFlight).isLessThanOrEqualTo(8);
        assertThat(pool.getLargestPoolSize()).isEqualTo(8);
    }

    @Test
    void aSmallBudgetNeedsFewRequestsInFlightEvenFromASlowFcm() throws InterruptedException {
        pool = new AdaptiveSendPool(8, 400, 60_000, Thread::new);

        int mostInFlight = send(400, 40);

        // 1,000 messages/s at 40 ms each need 40 in flight (with a quarter more for headroom)
        assertThat(mostInFlight).isBetween(40, 60);
    }

    /** Runs {@code requests} sends that each take {@code millis}; returns the most that were in flight at once. */
    private int send(int requests, long millis) throws InterruptedException {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(requests);
        for (int i = 0; i < requests; i++) {
            pool.execute(() -> {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    fcmReplyAfter(millis).join();
                } finally {
                    inFlight.decrementAndGet();
                    done.countDown();
                }
            });
        }
        assertThat(done.await(60, TimeUnit.SECONDS)).as("all sends finished").isTrue();
        return most.get();
    }

    /** A stand-in FCM request: the sending thread blocks until the reply arrives, {@code millis} later. */
    private static CompletableFuture<Void> fcmReplyAfter(long millis) {
        return millis == 0 ? CompletableFuture.completedFuture(null)
            : new CompletableFuture<Void>().completeOnTimeout(null, millis, TimeUnit.MILLISECONDS);
    }
}
