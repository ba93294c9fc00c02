package app.chorus.platform.store;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded store on its own, so several api instances can share it through
 * {@code MONGODB_URI=mongodb://HOST:PORT/chorus}. Usage:
 * {@code java -cp api.jar app.chorus.platform.store.StoreMain --data DIR --port P [--host H] [--fsync]}.
 * Prints {@code READY <port>} on stdout once it accepts connections.
 */
public final class StoreMain {

    private StoreMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path data = null;
        String host = "127.0.0.1";
        int port = 27027;
        boolean fsync = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(value(args, ++i));
                case "--port" -> port = Integer.parseInt(value(args, ++i));
                case "--host" -> host = value(args, ++i);
                case "--fsync" -> fsync = true;
                default -> usage("unknown option " + args[i]);
            }
        }
        if (data == null) {
            usage("--data is required");
        }
        EmbeddedStore store = EmbeddedStore.start(data, new InetSocketAddress(host, port), fsync);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            store.close();
            stopped.countDown();
        }, "chorus-store-shutdown"));
        System.out.println("READY " + store.address().getPort());
        System.out.flush();
        stopped.await();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            usage(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println(problem + "\nusage: StoreMain --data DIR --port PORT [--host HOST] [--fsync]"
            + "\n  PORT 0 picks a free port; the line 'READY <port>' on stdout says which.");
        System.exit(2);
    }
}
