package app.chorus.decisions.web;

import app.chorus.decisions.internal.BallotCasting;
import app.chorus.decisions.internal.BallotReceipt;
import app.chorus.decisions.internal.BallotRequest;
import app.chorus.decisions.internal.Decision;
import app.chorus.decisions.internal.DecisionDraft;
import app.chorus.decisions.internal.DecisionManagement;
import app.chorus.decisions.internal.DecisionDetails;
import app.chorus.identity.CurrentUser;
import app.chorus.shared.Page;
import app.chorus.shared.PositionCursor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/decisions")
@Tag(name = "Decisions", description = "Collective votes: create (leaders), cast ballots, close")
class DecisionsController {

    private static final int MAX_PAGE = 100;

    private final DecisionManagement management;
    private final BallotCasting casting;

    DecisionsController(DecisionManagement management, BallotCasting casting) {
        this.management = management;
        this.casting = casting;
    }

    @PostMapping
    @Operation(summary = "Create a decision (school leaders for their school, trust leaders trust-wide)",
        description = "Opens now or at opensAt; its rules are fixed from now on. A repeated Idempotency-Key returns the same decision.")
    Mono<ResponseEntity<DecisionDetails>> create(@AuthenticationPrincipal CurrentUser user,
                                              @RequestBody DecisionDraft draft,
                                              @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return management.create(user, draft, idempotencyKey)
            .flatMap(decision -> management.view(decision, user.personId()))
            .map(view -> ResponseEntity.status(HttpStatus.CREATED).body(view));
    }

    @GetMapping
    @Operation(summary = "Decisions you manage, newest first, a page at a time (cursor); with consultationId, that "
        + "consultation's decisions you manage or may vote in (a handful, in one page)")
    Mono<Page<DecisionDetails>> list(@AuthenticationPrincipal CurrentUser user,
                                     @RequestParam(required = false) String consultationId,
                                     @RequestParam(required = false) String cursor,
                                     @RequestParam(defaultValue = "50") int limit) {
        if (consultationId != null) {
            return management.ofConsultation(user, consultationId).concatMap(decision -> management.view(decision, user.personId()))
                .collectList().map(items -> Page.of(items, null));
        }
        return Mono.fromCallable(() -> PositionCursor.atMost(limit, MAX_PAGE))
            .flatMap(size -> management.managedBy(user, cursor, size))
            .flatMap(page -> Flux.fromIterable(page.items()).concatMap(decision -> management.view(decision, user.personId()))
                .collectList().map(items -> Page.of(items, page.next())));
    }

    @GetMapping("/{decisionId}")
    @Operation(summary = "A decision you manage or may vote in, with its rules in words and your ballots")
    Mono<DecisionDetails> get(@AuthenticationPrincipal CurrentUser user, @PathVariable String decisionId) {
        return management.viewer(user, decisionId).flatMap(viewer -> management.view(viewer.decision(), user.personId()));
    }

    @PostMapping("/{decisionId}/close")
    @Operation(summary = "Close now and count (leaders). Idempotent.")
    Mono<DecisionDetails> close(@AuthenticationPrincipal CurrentUser user, @PathVariable String decisionId) {
        return management.close(user, decisionId).flatMap(decision -> management.view(decision, user.personId()));
    }

    @PostMapping("/{decisionId}/ballots")
    @Operation(summary = "Cast or change your ballot",
        description = "201 when cast, 200 when it replaced your earlier ballot or repeated the same Idempotency-Key. "
            + "Anonymous ballots are final (409 ballot-final).")
    Mono<ResponseEntity<BallotReceipt>> cast(@AuthenticationPrincipal CurrentUser user, @PathVariable String decisionId,
                                             @RequestBody BallotRequest ballot,
                                             @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return casting.cast(user.personId(), decisionId, ballot, idempotencyKey)
            .map(receipt -> ResponseEntity.status(receipt.changed() || receipt.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(receipt));
    }
}
