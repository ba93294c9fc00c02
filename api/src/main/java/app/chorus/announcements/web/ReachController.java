package app.chorus.announcements.web;

import app.chorus.announcements.internal.CarerToFollowUp;
import app.chorus.announcements.internal.ReachReport;
import app.chorus.announcements.internal.ReachService;
import app.chorus.identity.CurrentUser;
import app.chorus.platform.LiveEvents;
import app.chorus.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Tag(name = "Announcements", description = "Reach: delivered, opened, acknowledged")
@RestController
@RequestMapping("/api/v1/announcements/{id}")
class ReachController {

    private final ReachService reach;

    ReachController(ReachService reach) {
        this.reach = reach;
    }

    @Operation(summary = "Delivered, opened and acknowledged, in all and by school, year group and role")
    @GetMapping("/reach")
    Mono<ReachReport> report(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return reach.report(user, id);
    }

    @Operation(summary = "Live reach as Server-Sent Events: a snapshot now and on every change")
    @GetMapping(path = "/reach/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<ReachReport>> stream(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                                              @RequestParam(defaultValue = "1000") long everyMs) {
        Duration every = Duration.ofMillis(Math.max(200, Math.min(everyMs, 60_000)));
        return LiveEvents.keptAlive(reach.stream(user, id, every).map(report -> ServerSentEvent.builder(report).event("reach").build()));
    }

    @Operation(summary = "Carers who have not acknowledged yet (to follow up): names, children in scope and their classes; cursor-paginated")
    @GetMapping("/unacknowledged")
    Mono<Page<CarerToFollowUp>> unacknowledged(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                                              @RequestParam(required = false) String cursor,
                                              @RequestParam(defaultValue = "100") int limit) {
        return reach.unacknowledged(user, id, cursor, limit);
    }
}
