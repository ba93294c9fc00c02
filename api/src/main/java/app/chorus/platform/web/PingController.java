package app.chorus.platform.web;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The no-op endpoint benchmarks measure beside real ones, and a liveness probe for scripts. */
@RestController
class PingController {

    private static final Map<String, String> PONG = Map.of("status", "ok");

    @GetMapping("/api/v1/ping")
    Mono<Map<String, String>> ping() {
        return Mono.just(PONG);
    }
}
