package app.chorus.moderation.web;

import app.chorus.identity.CurrentUser;
import app.chorus.moderation.internal.ConcernEntry;
import app.chorus.moderation.internal.ModerationManagement;
import app.chorus.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@Tag(name = "Safeguarding", description = "Concerns: text matching a concern phrase, never published automatically")
@RestController
@RequestMapping("/api/v1/safeguarding")
class SafeguardingController {

    private final ModerationManagement moderation;

    SafeguardingController(ModerationManagement moderation) {
        this.moderation = moderation;
    }

    record NoteRequest(String note) {
    }

    record ContactsRequest(List<String> personIds) {
    }

    @Operation(summary = "Concerns in my schools (safeguarding leads), or escalated ones (the trust's safeguarding leads), oldest first")
    @GetMapping("/concerns")
    Mono<Page<ConcernEntry>> concerns(@AuthenticationPrincipal CurrentUser user,
                                      @RequestParam(defaultValue = "false") boolean escalated,
                                      @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
        return moderation.concerns(user, escalated, cursor, limit);
    }

    @Operation(summary = "Acknowledge a concern (stops its escalation), with a note of what was done")
    @PostMapping("/concerns/{kind}/{id}/acknowledgement")
    Mono<ConcernEntry> acknowledge(@AuthenticationPrincipal CurrentUser user, @PathVariable String kind,
                                   @PathVariable String id, @RequestBody NoteRequest request) {
        return moderation.acknowledge(user, ModerationController.ref(kind, id), request.note());
    }

    @Operation(summary = "Who hears a school's concerns (or 'trust': escalated ones)")
    @GetMapping("/contacts/{school}")
    Mono<Map<String, List<String>>> contacts(@AuthenticationPrincipal CurrentUser user, @PathVariable String school) {
        return moderation.contacts(user, school).map(ids -> Map.of("personIds", ids));
    }

    @Operation(summary = "Name who hears a school's concerns (school or trust leaders), or the trust's ('trust', trust leaders)")
    @PutMapping("/contacts/{school}")
    Mono<Map<String, List<String>>> replaceContacts(@AuthenticationPrincipal CurrentUser user, @PathVariable String school,
                                                    @RequestBody ContactsRequest request) {
        return moderation.replaceContacts(user, school, request.personIds()).map(ids -> Map.of("personIds", ids));
    }
}
