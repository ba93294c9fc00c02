package app.chorus.platform.store;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * Runs the embedded store on its own, so several api instances can share it through
 * {@code MONGODB_URI=mongodb://HOST:PORT/chorus}. Usage:
 * {@code java -cp api.jar app.chorus.platform.store.StoreMain --data DIR --port P [--host H] [--fsync] [--keyset FILE]}.
 * The data folder is encrypted with the keyset {@code --keyset} or {@code CHORUS_STORE_KEYSET_FILE} names; without
 * either, with the development keyset in {@code CHORUS_SECRETS_DIR} (made there once, with a warning).
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
        String keyset = System.getenv(StoreCipher.FILE_ENV);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(value(args, ++i));
                case "--port" -> port = Integer.parseInt(value(args, ++i));
                case "--host" -> host = value(args, ++i);
                case "--fsync" -> fsync = true;
                case "--keyset" -> keyset = value(args, ++i);
                default -> usage("unknown option " + args[i]);
            }
        }
        if (data == null) {
            usage("--data is required");
        }
        quietLogs();
        EmbeddedStore store;
        try {
            StoreCipher cipher = StoreCipher.load(keyset, secretsDir(), data, true);
            store = EmbeddedStore.start(data, cipher, new InetSocketAddress(host, port), fsync);
        } catch (RuntimeException e) {
            System.err.println("The store did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            store.close();
            stopped.countDown();
        }, "chorus-store-shutdown"));
        System.out.println("READY " + store.address().getPort());
        System.out.flush();
        stopped.await();
    }

    /** Where development secrets live when the deployment names none (the api's chorus.secrets.dev-dir). */
    static Path secretsDir() {
        String dir = System.getenv("CHORUS_SECRETS_DIR");
        return Path.of(dir == null || dir.isBlank() ? ".chorus/secrets" : dir);
    }

    /** Without Spring Boot, logback would log everything at DEBUG; keep the store's own INFO lines only. */
    static void quietLogs() {
        if (System.getProperty("logback.configurationFile") != null
            || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        context.getLogger("app.chorus").setLevel(Level.INFO);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            usage(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println(problem + "\nusage: StoreMain --data DIR --port PORT [--host HOST] [--fsync] [--keyset FILE]"
            + "\n  PORT 0 picks a free port; the line 'READY <port>' on stdout says which.");
        System.exit(2);
    }
}
