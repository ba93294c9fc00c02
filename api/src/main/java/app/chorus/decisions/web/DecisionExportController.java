package app.chorus.decisions.web;

import app.chorus.decisions.internal.DecisionExports;
import app.chorus.decisions.internal.DecisionManagement;
import app.chorus.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/decisions/{decisionId}/export")
@Tag(name = "Decision export", description = "A closed ranked-choice vote as an RCTab ballot file and configuration")
class DecisionExportController {

    private final DecisionManagement management;
    private final DecisionExports exports;

    DecisionExportController(DecisionManagement management, DecisionExports exports) {
        this.management = management;
        this.exports = exports;
    }

    @GetMapping(path = "/ballots.csv", produces = "text/csv")
    @Operation(summary = "Every standing ballot: ballot_id,rank_1,...,rank_N (recount with ./chorus tally config.json ballots.csv)")
    Mono<ResponseEntity<Flux<String>>> ballots(@AuthenticationPrincipal CurrentUser user, @PathVariable String decisionId) {
        return management.viewer(user, decisionId).map(viewer -> ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ballots.csv\"")
            .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
            .body(exports.ballots(viewer.decision())));
    }

    @GetMapping(path = "/config.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The RCTab contest configuration: candidates in order and the rules counted by")
    Mono<ResponseEntity<String>> config(@AuthenticationPrincipal CurrentUser user, @PathVariable String decisionId) {
        return management.viewer(user, decisionId).map(viewer -> ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"config.json\"")
            .contentType(MediaType.APPLICATION_JSON)
            .body(exports.config(viewer.decision())));
    }
}
