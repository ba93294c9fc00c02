package app.chorus.announcements.web;

import app.chorus.announcements.internal.AnnouncementInput;
import app.chorus.announcements.internal.AnnouncementManagement;
import app.chorus.announcements.internal.AnnouncementView;
import app.chorus.announcements.internal.ReachPreview;
import app.chorus.directory.Audience;
import app.chorus.identity.CurrentUser;
import app.chorus.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@Tag(name = "Announcements", description = "Write, approve, schedule, adapt and retract announcements")
@RestController
@RequestMapping("/api/v1/announcements")
class AnnouncementController {

    private final AnnouncementManagement management;

    AnnouncementController(AnnouncementManagement management) {
        this.management = management;
    }

    record ReturnRequest(String comment) {
    }

    record RetractRequest(String reason) {
    }

    record AdoptRequest(String localNote, Instant publishAt) {
    }

    record DeclineRequest(String reason) {
    }

    record ReachPreviewRequest(Audience audience) {
    }

    @Operation(summary = "Create a draft (Idempotency-Key: a retry returns the same draft with 200)")
    @PostMapping
    Mono<ResponseEntity<AnnouncementView>> create(@AuthenticationPrincipal CurrentUser user, @RequestBody AnnouncementInput input,
                                                  @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return management.create(user, input, idempotencyKey).map(created -> ResponseEntity
            .status(created.created() ? HttpStatus.CREATED : HttpStatus.OK)
            .header("Location", "/api/v1/announcements/" + created.announcement().id())
            .body(created.announcement()));
    }

    @Operation(summary = "Announcements I write or look after, newest first")
    @GetMapping
    Mono<Page<AnnouncementView>> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String cursor,
                                      @RequestParam(defaultValue = "20") int limit) {
        return management.list(user, cursor, limit);
    }

    @GetMapping("/{id}")
    Mono<AnnouncementView> get(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return management.get(user, id);
    }

    @Operation(summary = "Edit: drafts in place; a published announcement gets a new version (previous kept, shown as edited, with editReason if given)")
    @PutMapping("/{id}")
    Mono<AnnouncementView> edit(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, @RequestBody AnnouncementInput input) {
        return management.edit(user, id, input);
    }

    @Operation(summary = "Submit a draft: to approval where required, else scheduled (or published now)")
    @PostMapping("/{id}/submit")
    Mono<AnnouncementView> submit(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return management.submit(user, id);
    }

    @PostMapping("/{id}/approve")
    Mono<AnnouncementView> approve(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return management.approve(user, id);
    }

    @Operation(summary = "Return to the author with a comment")
    @PostMapping("/{id}/return")
    Mono<AnnouncementView> returnToAuthor(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                                          @RequestBody ReturnRequest request) {
        return management.returnToAuthor(user, id, request.comment());
    }

    @Operation(summary = "Retract with a reason; recipients' feeds keep it as a tombstone showing the reason, never the text")
    @PostMapping("/{id}/retract")
    Mono<AnnouncementView> retract(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                                   @RequestBody RetractRequest request) {
        return management.retract(user, id, request.reason());
    }

    @Operation(summary = "A school adopts an adaptable trust-wide post, optionally with a local note and its own publish time")
    @PostMapping("/{id}/schools/{schoolId}/adopt")
    Mono<AnnouncementView> adopt(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, @PathVariable String schoolId,
                                 @RequestBody(required = false) AdoptRequest request) {
        AdoptRequest given = request == null ? new AdoptRequest(null, null) : request;
        return management.adopt(user, id, schoolId, given.localNote(), given.publishAt());
    }

    @Operation(summary = "A school declines an adaptable trust-wide post (if the trust allows), with a reason")
    @PostMapping("/{id}/schools/{schoolId}/decline")
    Mono<AnnouncementView> decline(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, @PathVariable String schoolId,
                                   @RequestBody DeclineRequest request) {
        return management.decline(user, id, schoolId, request.reason());
    }

    @Operation(summary = "How many people and working devices an audience reaches, by role and by school, before publishing")
    @PostMapping("/reach-preview")
    Mono<ReachPreview> previewReach(@AuthenticationPrincipal CurrentUser user, @RequestBody ReachPreviewRequest request) {
        return management.previewReach(user, request.audience());
    }
}
