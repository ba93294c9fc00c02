package app.chorus.consultations.web;

import app.chorus.consultations.internal.IdeaInput;
import app.chorus.consultations.internal.IdeaManagement;
import app.chorus.consultations.internal.IdeaView;
import app.chorus.identity.CurrentUser;
import app.chorus.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
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
@RequestMapping("/api/v1/consultations/{consultationId}/ideas")
@Tag(name = "Consultation ideas", description = "Propose, support, withdraw, merge; the list by support pages stably")
class IdeasController {

    private final IdeaManagement ideas;

    IdeasController(IdeaManagement ideas) {
        this.ideas = ideas;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Propose an idea (ideas phase); ?as=PUPIL_ID for a carer of several children")
    Mono<IdeaView> propose(@AuthenticationPrincipal CurrentUser user, @PathVariable String consultationId,
                           @RequestParam(required = false) String as, @RequestBody IdeaInput input,
                           @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return ideas.propose(user, consultationId, as, input, idempotencyKey);
    }

    @GetMapping
    @Operation(summary = "Ideas by support then id; the cursor keeps the order the first page saw")
    Mono<Page<IdeaView>> list(@AuthenticationPrincipal CurrentUser user, @PathVariable String consultationId,
                              @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "20") int limit) {
        return ideas.bySupport(user, consultationId, cursor, limit);
    }

    @GetMapping("/{ideaId}")
    Mono<IdeaView> get(@AuthenticationPrincipal CurrentUser user, @PathVariable String consultationId, @PathVariable String ideaId) {
        return ideas.get(user, consultationId, ideaId);
    }

    @PutMapping("/{ideaId}/support")
    @Operation(summary = "Support an idea, once per voice (per child for carers when the consultation says so)")
    Mono<IdeaView> support(@AuthenticationPrincipal CurrentUser user, @PathVariable String consultationId,
                           @PathVariable String ideaId, @RequestParam(required = false) String as) {
        return ideas.support(user, consultationId, ideaId, as);
    }

    @DeleteMapping("/{ideaId}/support")
    @Operation(summary = "Withdraw a support until the ideas phase ends (not in anonymous consultations)")
    Mono<IdeaView> withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable String consultationId,
                            @PathVariable String ideaId, @RequestParam(required = false) String as) {
        return ideas.withdraw(user, consultationId, ideaId, as);
    }

    @PostMapping("/{ideaId}/reports")
    @Operation(summary = "Report an idea to moderation (three people's reports hide it until reviewed)")
    Mono<IdeaManagement.Report> report(@AuthenticationPrincipal CurrentUser user, @PathVariable String consultationId,
                                       @PathVariable String ideaId, @RequestBody ReportInput input) {
        return ideas.report(user, consultationId, ideaId, input.reason());
    }

    @PostMapping("/{ideaId}/merge-into/{intoId}")
    @Operation(summary = "A moderator merges a duplicate into another idea of the same consultation")
    Mono<IdeaView> merge(@AuthenticationPrincipal CurrentUser user, @PathVariable String consultationId,
                         @PathVariable String ideaId, @PathVariable String intoId) {
        return ideas.merge(user, consultationId, ideaId, intoId);
    }
}
