package app.chorus.rights.web;

import app.chorus.identity.CurrentUser;
import app.chorus.rights.internal.SubjectAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@Tag(name = "People's rights", description = "Subject access and erasure by the privacy officer")
@RestController
@RequestMapping("/api/v1/people/{personId}")
class SubjectAccessController {

    private final SubjectAccess access;

    SubjectAccessController(SubjectAccess access) {
        this.access = access;
    }

    @Operation(summary = "Subject access: everything Chorus holds naming the person, as JSON (privacy officer only)")
    @GetMapping("/data")
    Mono<ResponseEntity<SubjectAccess.Export>> export(@AuthenticationPrincipal CurrentUser user, @PathVariable String personId) {
        return access.export(user, personId).map(export -> ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + personId + "-data.json\"").body(export));
    }
}
