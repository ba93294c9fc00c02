package app.chorus.audit.web;

import app.chorus.audit.internal.AuditFilter;
import app.chorus.audit.internal.AuditManagement;
import app.chorus.audit.internal.AuditView;
import app.chorus.audit.internal.ChainReport;
import app.chorus.identity.CurrentUser;
import app.chorus.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Tag(name = "Audit", description = "Who did what, when, on which school: an append-only, hash-chained record")
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final AuditManagement audit;

    AuditController(AuditManagement audit) {
        this.audit = audit;
    }

    /** The chains' state: {@code firstBroken} is the first link that does not hold, or null when all do. */
    record Verification(boolean intact, ChainReport firstBroken, List<ChainReport> chains) {

        static Verification of(List<ChainReport> chains) {
            ChainReport broken = chains.stream().filter(chain -> !chain.intact()).findFirst().orElse(null);
            return new Verification(broken == null, broken, chains);
        }
    }

    @Operation(summary = "Recorded acts, newest first (trust leaders and the privacy officer); school 'trust' for the trust's own")
    @GetMapping
    Mono<Page<AuditView>> entries(@AuthenticationPrincipal CurrentUser user,
                                  @RequestParam(required = false) String school, @RequestParam(required = false) String actor,
                                  @RequestParam(required = false) String kind, @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to, @RequestParam(required = false) String cursor,
                                  @RequestParam(defaultValue = "50") int limit) {
        return audit.entries(user, AuditFilter.of(school, actor, kind, from, to), cursor, limit);
    }

    @Operation(summary = "The same acts as CSV (RFC 4180, UTF-8, CRLF), streamed; the export is itself recorded")
    @GetMapping(path = "/export.csv", produces = "text/csv")
    ResponseEntity<Flux<String>> csv(@AuthenticationPrincipal CurrentUser user,
                                     @RequestParam(required = false) String school, @RequestParam(required = false) String actor,
                                     @RequestParam(required = false) String kind, @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to) {
        Flux<String> lines = audit.csv(user, AuditFilter.of(school, actor, kind, from, to));
        return ResponseEntity.ok().contentType(CSV)
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.csv\"").body(lines);
    }

    @Operation(summary = "Verify every chain (the privacy officer): the first link that does not hold, per chain")
    @GetMapping("/verification")
    Mono<Verification> verify(@AuthenticationPrincipal CurrentUser user) {
        return audit.verify(user).collectList().map(Verification::of);
    }
}
