package app.chorus.decisions.web;

import app.chorus.decisions.internal.DecisionManagement;
import app.chorus.decisions.internal.LiveResults;
import app.chorus.decisions.internal.DecisionResultsView;
import app.chorus.identity.CurrentUser;
import app.chorus.platform.LiveEvents;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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

@RestController
@RequestMapping("/api/v1/decisions/{decisionId}")
@Tag(name = "Decision results", description = "Live results, breakdowns with small-number suppression, the count at close")
class DecisionResultsController {

    private final DecisionManagement management;
    private final LiveResults results;

    DecisionResultsController(DecisionManagement management, LiveResults results) {
        this.management = management;
        this.results = results;
    }

    @GetMapping("/results")
    @Operation(summary = "Results (live until close, then the count)",
        description = "by=school|year|role adds a breakdown; groups under 5 ballots (and enough others that none can be derived) are suppressed. Hidden results show nothing until close.")
    Mono<DecisionResultsView> results(@AuthenticationPrincipal CurrentUser user, @PathVariable String decisionId,
                              @RequestParam(required = false) String by) {
        return management.viewer(user, decisionId).flatMap(viewer -> results.results(viewer, by));
    }

    @GetMapping(path = "/results/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Results as Server-Sent Events: now, after each ballot (at most once a second) and every 5 s")
    Flux<ServerSentEvent<DecisionResultsView>> stream(@AuthenticationPrincipal CurrentUser user, @PathVariable String decisionId,
                                              @RequestParam(required = false) String by) {
        return LiveEvents.keptAlive(management.viewer(user, decisionId).flatMapMany(viewer -> results.stream(viewer, by))
            .map(view -> ServerSentEvent.builder(view).event("results").build()));
    }
}
