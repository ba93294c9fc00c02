package app.chorus.moderation.web;

import app.chorus.identity.CurrentUser;
import app.chorus.moderation.ContributionRef;
import app.chorus.moderation.Visibility;
import app.chorus.moderation.internal.ModerationManagement;
import app.chorus.moderation.internal.QueueEntry;
import app.chorus.shared.Page;
import app.chorus.shared.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@Tag(name = "Moderation", description = "One queue for everything people write: pupils' contributions, reported ones, review requests")
@RestController
@RequestMapping("/api/v1/moderation")
class ModerationController {

    private final ModerationManagement moderation;

    ModerationController(ModerationManagement moderation) {
        this.moderation = moderation;
    }

    record DecisionRequest(Visibility visibility, String reason) {
    }

    record ReasonRequest(String reason) {
    }

    @Operation(summary = "What waits for me as a moderator (school leaders: their schools; trust leaders: all and trust-wide), oldest first")
    @GetMapping("/queue")
    Mono<Page<QueueEntry>> queue(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String cursor,
                                 @RequestParam(defaultValue = "50") int limit) {
        return moderation.queue(user, cursor, limit);
    }

    @Operation(summary = "Decide: SHOWN, or REMOVED with a reason (recorded with who and when; the author sees it)")
    @PostMapping("/items/{kind}/{id}/decision")
    Mono<QueueEntry> decide(@AuthenticationPrincipal CurrentUser user, @PathVariable String kind, @PathVariable String id,
                            @RequestBody DecisionRequest request) {
        if (request.visibility() == null) {
            throw Problem.badRequest("missing-field", "Say SHOWN or REMOVED.").with("field", "visibility");
        }
        return moderation.decide(user, ref(kind, id), request.visibility(), request.reason());
    }

    @Operation(summary = "Report something you can see (one report per person; three reports hide it until reviewed)")
    @PostMapping("/items/{kind}/{id}/reports")
    Mono<Map<String, Visibility>> report(@AuthenticationPrincipal CurrentUser user, @PathVariable String kind,
                                         @PathVariable String id, @RequestBody ReasonRequest request) {
        return moderation.report(user, ref(kind, id), request.reason()).map(visibility -> Map.of("visibility", visibility));
    }

    @Operation(summary = "As the author, ask once for another moderator to review the decision")
    @PostMapping("/items/{kind}/{id}/review")
    Mono<QueueEntry> review(@AuthenticationPrincipal CurrentUser user, @PathVariable String kind, @PathVariable String id,
                            @RequestBody ReasonRequest request) {
        return moderation.requestReview(user, ref(kind, id), request.reason());
    }

    static ContributionRef ref(String kind, String id) {
        try {
            return new ContributionRef(kind, id);
        } catch (IllegalArgumentException e) {
            throw Problem.notFound("A contribution " + id);
        }
    }
}
