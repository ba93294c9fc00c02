package app.chorus.announcements.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The out-of-process load generator: Debian's {@code wrk} (C, epoll) with {@code concurrency} connections,
 * one request in flight each, in its own process, so the api's JVM spends CPU only on serving. wrk's own CPU is
 * read from bash's {@code times} after it exits.
 */
final class WrkLoad {

    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern COUNT = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern TIMES = Pattern.compile("(\\d+)m([0-9.]+)s (\\d+)m([0-9.]+)s\\s*$");

    private final int port;
    private final String authorization;
    private final int concurrency;
    private final int threads;

    WrkLoad(int port, String authorization, int concurrency, int threads) {
        this.port = port;
        this.authorization = authorization;
        this.concurrency = concurrency;
        this.threads = threads;
    }

    static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/wrk"));
    }

    LoadResult run(String path, int seconds) {
        String command = String.format("wrk -t%d -c%d -d%ds --latency --timeout 10s -H \"Authorization: %s\" http://127.0.0.1:%d%s; times",
            threads, concurrency, seconds, authorization, port, path);
        long cpuBefore = CpuMeter.processCpuNanos();
        String out = execute(command);
        long apiNanos = CpuMeter.processCpuNanos() - cpuBefore;
        long count = Long.parseLong(find(COUNT, out, 1));
        long errors = errors(out);
        double rps = Double.parseDouble(find(RPS, out, 1));
        double p50 = 0;
        double p99 = 0;
        Matcher percentiles = PERCENTILE.matcher(out);
        while (percentiles.find()) {
            double value = toMillis(Double.parseDouble(percentiles.group(2)), percentiles.group(3));
            if (percentiles.group(1).equals("50")) {
                p50 = value;
            } else {
                p99 = value;
            }
        }
        long ok = Math.max(1, count - errors);
        return new LoadResult(p50, p99, rps * ok / Math.max(1, count), errors, ok, apiNanos / 1e6 / ok, wrkCpuMillis(out) / ok);
    }

    private static long errors(String out) {
        long errors = 0;
        Matcher non2xx = NON_2XX.matcher(out);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = SOCKET_ERRORS.matcher(out);
        if (socket.find()) {
            for (int i = 1; i <= 4; i++) {
                errors += Long.parseLong(socket.group(i));
            }
        }
        return errors;
    }

    /** bash's {@code times} prints the shell's own times, then its children's (wrk): user and system. */
    private static double wrkCpuMillis(String out) {
        List<String> lines = out.lines().toList();
        Matcher children = TIMES.matcher(lines.get(lines.size() - 1));
        if (!children.find()) {
            return Double.NaN;
        }
        return (Integer.parseInt(children.group(1)) * 60 + Double.parseDouble(children.group(2))
            + Integer.parseInt(children.group(3)) * 60 + Double.parseDouble(children.group(4))) * 1000;
    }

    private static double toMillis(double value, String unit) {
        return switch (unit) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static String find(Pattern pattern, String text, int group) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected wrk output:\n" + text);
        }
        return matcher.group(group);
    }

    private static String execute(String command) {
        try {
            Process process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("wrk failed:\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("could not run wrk (apt-get install -y wrk)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
