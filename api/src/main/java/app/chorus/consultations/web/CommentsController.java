package app.chorus.consultations.web;

import app.chorus.consultations.internal.CommentInput;
import app.chorus.consultations.internal.CommentView;
import app.chorus.consultations.internal.Deliberation;
import app.chorus.identity.CurrentUser;
import app.chorus.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/consultations/{consultationId}/comments")
@Tag(name = "Consultation comments", description = "Threaded deliberation on the consultation and its ideas")
class CommentsController {

    private final Deliberation deliberation;

    CommentsController(Deliberation deliberation) {
        this.deliberation = deliberation;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Comment (FOR, AGAINST or NEUTRAL) on the consultation or an idea, or reply (two levels deep)")
    Mono<CommentView> comment(@AuthenticationPrincipal CurrentUser user, @PathVariable String consultationId,
                              @RequestParam(required = false) String as, @RequestBody CommentInput input,
                              @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return deliberation.comment(user, consultationId, as, input, idempotencyKey);
    }

    @PutMapping("/{commentId}")
    @Operation(summary = "Edit your comment; it is marked as edited")
    Mono<CommentView> edit(@AuthenticationPrincipal CurrentUser user, @PathVariable String consultationId,
                           @PathVariable String commentId, @RequestBody Edit input) {
        return deliberation.edit(user, consultationId, commentId, input.body());
    }

    @PostMapping("/{commentId}/reports")
    @Operation(summary = "Report a comment to moderation (three people's reports hide it until reviewed)")
    Mono<app.chorus.consultations.internal.IdeaManagement.Report> report(@AuthenticationPrincipal CurrentUser user,
            @PathVariable String consultationId, @PathVariable String commentId, @RequestBody ReportInput input) {
        return deliberation.report(user, consultationId, commentId, input.reason());
    }

    @GetMapping
    @Operation(summary = "Threads, oldest first, each with its replies; ?ideaId= for an idea's thread")
    Mono<Page<CommentView>> threads(@AuthenticationPrincipal CurrentUser user, @PathVariable String consultationId,
                                    @RequestParam(required = false) String ideaId, @RequestParam(required = false) String cursor,
                                    @RequestParam(defaultValue = "20") int limit) {
        return deliberation.threads(user, consultationId, ideaId, cursor, limit);
    }

    record Edit(String body) {
    }
}
