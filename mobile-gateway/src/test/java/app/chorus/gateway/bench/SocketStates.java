package app.chorus.gateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * This process's TCP sockets by state, from Linux's /proc (its socket inodes matched against /proc/net/tcp and tcp6):
 * a count of CLOSE_WAIT that grows is a connection the process never closes. Empty where /proc is missing.
 */
final class SocketStates {

    private static final Map<String, String> STATES = Map.of("01", "ESTABLISHED", "06", "TIME_WAIT", "08", "CLOSE_WAIT",
        "0A", "LISTEN");

    private SocketStates() {
    }

    static Map<String, Long> ofThisProcess() {
        Set<String> mine = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        mine.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException gone) {
                    // closed while listing
                }
            });
        } catch (IOException | UnsupportedOperationException noProc) {
            return Map.of();
        }
        Map<String, Long> counts = new HashMap<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                List<String> lines = Files.readAllLines(Path.of(table));
                for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) { // the first line is the header
                    String[] columns = line.trim().split("\\s+");
                    if (columns.length > 9 && mine.contains(columns[9])) {
                        counts.merge(STATES.getOrDefault(columns[3], "OTHER"), 1L, Long::sum);
                    }
                }
            } catch (IOException missing) {
                // no IPv6 table
            }
        }
        return counts;
    }
}
