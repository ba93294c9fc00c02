package app.chorus.announcements.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/** CPU time of this JVM, and of its threads whose names start with a prefix (the in-process load generator). */
final class CpuMeter {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final String clientPrefix;

    CpuMeter(String clientPrefix) {
        this.clientPrefix = clientPrefix;
    }

    record Sample(long processNanos, long clientNanos) {
    }

    Sample sample() {
        long client = 0;
        if (clientPrefix != null) {
            long[] ids = THREADS.getAllThreadIds();
            ThreadInfo[] infos = THREADS.getThreadInfo(ids);
            for (int i = 0; i < ids.length; i++) {
                if (infos[i] != null && infos[i].getThreadName().startsWith(clientPrefix)) {
                    client += Math.max(0, THREADS.getThreadCpuTime(ids[i]));
                }
            }
        }
        return new Sample(processCpuNanos(), client);
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
