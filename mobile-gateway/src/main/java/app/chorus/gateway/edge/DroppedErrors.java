package app.chorus.gateway.edge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Hooks;

/**
 * An error raised after its request has already failed (home's other api calls, cancelled when the first one
 * failed, then refused by the open breaker) has nowhere to go. Reactor's default logs each at ERROR with a
 * full stack trace: under overload that was gigabytes of log and CPU the gateway needed for answering. Such
 * errors are logged on one line, refusals by the breaker or bulkhead only at debug.
 */
@Component
class DroppedErrors implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(DroppedErrors.class);

    @Override
    public void afterPropertiesSet() {
        Hooks.onErrorDropped(DroppedErrors::dropped);
    }

    static void dropped(Throwable failure) {
        String name = failure.getClass().getName();
        if (name.startsWith("io.github.resilience4j.")) {
            log.debug("Refused after the request had already failed: {}", failure.toString());
        } else {
            log.warn("Error after the request had already ended: {}", failure.toString());
        }
    }
}
