package app.chorus.gateway.testing;

import static app.chorus.gateway.testing.Sockets.closeQuietly;
import static app.chorus.gateway.testing.Sockets.daemon;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An api instance on plain sockets that keeps its connections alive (so the gateway pools them) and can die as SIGKILL
 * kills a process: {@link #dieOnNextCall()} makes it read the next call in full, record it, then reset every
 * connection and stop listening, with no answer. The call was received: the api may have done its work.
 * {@link #recover()} brings it back on the same port (a restarted instance).
 */
public final class AbruptApiInstance implements AutoCloseable {

    /** A call as it reached this instance. */
    public record Call(String method, String path, String idempotencyKey, String body) {
    }

    private final String name;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listening;
    private volatile boolean dieOnNextCall;
    private int port;

    public AbruptApiInstance(String name) {
        this.name = name;
        start();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Listening again on the same port if it died, and not about to die. */
    public synchronized void recover() {
        dieOnNextCall = false;
        if (listening.isClosed()) {
            start();
        }
    }

    public void dieOnNextCall() {
        dieOnNextCall = true;
    }

    private synchronized void start() {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            port = server.getLocalPort();
            listening = server;
            daemon(name + "-accept", () -> accept(server));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                daemon(name + "-connection", () -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
             OutputStream out = socket.getOutputStream()) {
            while (true) {
                Call call = read(in);
                if (call == null) {
                    return;
                }
                calls.add(call);
                if (dieOnNextCall) {
                    die();
                    return;
                }
                byte[] answer = ("{\"instance\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + answer.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(answer);
                out.flush();
            }
        } catch (IOException gone) {
            // the gateway closed the connection, or this instance died
        } finally {
            open.remove(socket);
        }
    }

    /** Every socket closed with a reset (SO_LINGER 0), as the kernel does for a killed process with unread data. */
    private synchronized void die() {
        dieOnNextCall = false;
        closeQuietly(listening);
        for (Socket socket : open) {
            try {
                socket.setSoLinger(true, 0);
            } catch (IOException closed) {
                // already gone
            }
            closeQuietly(socket);
        }
        open.clear();
    }

    private static Call read(InputStream in) throws IOException {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        Map<String, String> headers = new HashMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        String body = new String(body(in, headers), StandardCharsets.UTF_8);
        String[] parts = requestLine.split(" ");
        return new Call(parts[0], parts[1].split("\\?")[0], headers.get("idempotency-key"), body);
    }

    private static byte[] body(InputStream in, Map<String, String> headers) throws IOException {
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
            line(in);
            return body.toByteArray();
        }
        return in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        die();
    }
}
