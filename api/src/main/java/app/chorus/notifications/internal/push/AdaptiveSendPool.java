package app.chorus.notifications.internal.push;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK's executor: each message of a {@code sendEach} is one task, one HTTP request, so the pool's size is the
 * number of requests in flight. That size follows Little's law (ADR 0097): the rate budget times the server's own
 * latency, the shortest request seen lately (a busy CPU lengthens requests, but not the shortest ones), between
 * {@code least} and {@code most}. A fast server then gets few threads, which on a small machine leaves the CPU to
 * the work instead of to switching between hundreds of threads; a slow one gets enough to keep the budget's pace.
 */
final class AdaptiveSendPool extends ThreadPoolExecutor {

    private static final Logger log = LoggerFactory.getLogger(AdaptiveSendPool.class);

    private static final double HEADROOM = 1.25;
    private static final long WINDOW_NANOS = 1_000_000_000L;
    private static final int RESIZE_EVERY = 64;

    private final int least;
    private final int most;
    private final double perNano;
    private final ThreadLocal<Long> started = new ThreadLocal<>();
    private final AtomicLong completions = new AtomicLong();
    private final ShortestLately shortest = new ShortestLately();

    AdaptiveSendPool(int least, int most, long ratePerMinute, ThreadFactory threads) {
        super(least, least, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
        this.least = least;
        this.most = Math.max(least, most);
        this.perNano = ratePerMinute / 60e9;
    }

    @Override
    protected void beforeExecute(Thread thread, Runnable task) {
        started.set(System.nanoTime());
    }

    @Override
    protected void afterExecute(Runnable task, Throwable failure) {
        long now = System.nanoTime();
        shortest.observe(now - started.get(), now);
        if (completions.incrementAndGet() % RESIZE_EVERY == 0) {
            resize(now);
        }
    }

    /** Sets the pool to the size the budget needs at the latency seen lately. */
    private synchronized void resize(long now) {
        long latency = shortest.nanos(now);
        if (latency == Long.MAX_VALUE) {
            return;
        }
        int current = getCorePoolSize();
        int size = (int) Math.max(least, Math.min(most, (long) Math.ceil(perNano * latency * HEADROOM)));
        if (Math.abs(size - current) * 4 >= current) {
            log.info("FCM requests in flight: {} (was {}; shortest request lately {} ms)", size, current, latency / 1e6);
        }
        if (size > current) {
            setMaximumPoolSize(size);
            setCorePoolSize(size);
        } else if (size < current) {
            setCorePoolSize(size);
            setMaximumPoolSize(size);
        }
    }

    /** The shortest duration seen in this window and the one before (so a change in latency shows within two). */
    static final class ShortestLately {

        private final AtomicLong current = new AtomicLong(Long.MAX_VALUE);
        private volatile long previous = Long.MAX_VALUE;
        private volatile long windowStart = System.nanoTime();

        void observe(long nanos, long now) {
            roll(now);
            current.accumulateAndGet(nanos, Math::min);
        }

        long nanos(long now) {
            roll(now);
            return Math.min(previous, current.get());
        }

        private void roll(long now) {
            if (now - windowStart < WINDOW_NANOS) {
                return;
            }
            synchronized (this) {
                if (now - windowStart >= WINDOW_NANOS) {
                    previous = current.getAndSet(Long.MAX_VALUE);
                    windowStart = now;
                }
            }
        }
    }
}
