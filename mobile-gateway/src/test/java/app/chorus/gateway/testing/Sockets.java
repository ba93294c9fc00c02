package app.chorus.gateway.testing;

/** What the plain-socket stand-ins share: a thread per job, and closing what may already be closed. */
final class Sockets {

    private Sockets() {
    }

    static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception ignored) {
            // already closed
        }
    }
}
