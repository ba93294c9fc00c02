package app.chorus.gateway.testing;

import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.LoggerFactory;

/** What the in-process api writes to its access log ({@code app.chorus.access}) while captured. */
public final class ApiAccessLog implements AutoCloseable {

    private final Logger logger = (Logger) LoggerFactory.getLogger("app.chorus.access");
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private final Level previous = logger.getLevel();

    private ApiAccessLog() {
        events.start();
        logger.addAppender(events);
        logger.setLevel(Level.INFO);
    }

    public static ApiAccessLog capture() {
        return new ApiAccessLog();
    }

    /** The request ids the api logged for requests to this path (it logs as the response completes: wait a little). */
    public List<String> requestIdsFor(String path) {
        try {
            return await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50))
                .until(() -> logged(path), ids -> !ids.isEmpty());
        } catch (ConditionTimeoutException none) {
            return List.of();
        }
    }

    private List<String> logged(String path) {
        return List.copyOf(events.list).stream()
            .filter(event -> event.getKeyValuePairs() != null && event.getKeyValuePairs().stream()
                .anyMatch(pair -> pair.key.equals("path") && path.equals(pair.value)))
            .map(event -> event.getMDCPropertyMap().get("requestId"))
            .toList();
    }

    @Override
    public void close() {
        logger.detachAppender(events);
        logger.setLevel(previous);
    }
}
