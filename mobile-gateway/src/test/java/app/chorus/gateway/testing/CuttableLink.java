package app.chorus.gateway.testing;

import static app.chorus.gateway.testing.Sockets.closeQuietly;
import static app.chorus.gateway.testing.Sockets.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP link on a fixed loopback port that relays to the api, and that a test can cut (every connection closed,
 * nothing listening: the network between gateway and api gone) and restore.
 */
public final class CuttableLink implements AutoCloseable {

    private final int port;
    private final URI target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listening;

    public CuttableLink(int port, String targetUrl) {
        this.port = port;
        this.target = URI.create(targetUrl);
        restore();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public synchronized void restore() {
        try {
            listening = new ServerSocket(port, 64, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerSocket server = listening;
        daemon("link-accept", () -> {
            while (!server.isClosed()) {
                try {
                    relay(server.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    public synchronized void cut() {
        closeQuietly(listening);
        open.forEach(Sockets::closeQuietly);
        open.clear();
    }

    private void relay(Socket client) throws IOException {
        Socket api = new Socket(target.getHost(), target.getPort());
        open.add(client);
        open.add(api);
        daemon("link-up", () -> pump(client, api));
        daemon("link-down", () -> pump(api, client));
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException cut) {
            // the link was cut or a side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    @Override
    public void close() {
        cut();
    }
}
