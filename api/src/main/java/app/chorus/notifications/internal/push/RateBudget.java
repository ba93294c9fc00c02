package app.chorus.notifications.internal.push;

/**
 * A token bucket for FCM's send quota: {@code perMinute} messages a minute, bursts up to one second's worth.
 * Callers block until their messages fit: {@code PushChannel.deliver} is called only from FanOutWorkers' own
 * {@code fanout-worker-N} threads, never from an event loop.
 */
public final class RateBudget {

    private final double perNano;
    private final double capacity;
    private double available;
    private long last;

    public RateBudget(long perMinute) {
        this.perNano = perMinute / 60e9;
        this.capacity = Math.max(1, perMinute / 60.0);
        this.available = capacity;
        this.last = System.nanoTime();
    }

    public void acquire(int messages) throws InterruptedException {
        long wait;
        synchronized (this) {
            refill();
            available -= messages;
            wait = available >= 0 ? 0 : (long) (-available / perNano);
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    private void refill() {
        long now = System.nanoTime();
        available = Math.min(capacity, available + (now - last) * perNano);
        last = now;
    }
}
