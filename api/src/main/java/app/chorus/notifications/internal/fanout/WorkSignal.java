package app.chorus.notifications.internal.fanout;

import org.springframework.stereotype.Component;

/** Wakes idle workers when new batches are stored, instead of waiting for their next poll. */
@Component("notificationsWorkSignal")
class WorkSignal {

    private final Object monitor = new Object();
    private long generation;

    void wake() {
        synchronized (monitor) {
            generation++;
            monitor.notifyAll();
        }
    }

    void await(long millis) throws InterruptedException {
        synchronized (monitor) {
            long seen = generation;
            long until = System.currentTimeMillis() + millis;
            while (seen == generation) {
                long left = until - System.currentTimeMillis();
                if (left <= 0) {
                    return;
                }
                monitor.wait(left);
            }
        }
    }
}
