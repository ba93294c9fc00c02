package app.chorus.gateway.edge;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The gateway's own no-op: what benchmarks measure beside real endpoints; never calls the api. */
@RestController
class PingController {

    private static final Map<String, String> PONG = Map.of("status", "ok");

    @Operation(summary = "No-op answered by the gateway itself", tags = "edge")
    @GetMapping("/mobile/v1/ping")
    Mono<Map<String, String>> ping() {
        return Mono.just(PONG);
    }
}
