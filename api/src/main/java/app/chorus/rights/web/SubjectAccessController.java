package app.chorus.rights.web;

import app.chorus.identity.CurrentUser;
import app.chorus.rights.internal.SubjectAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Tag(name = "People's rights", description = "Subject access and erasure by the privacy officer")
@RestController
class SubjectAccessController {

    private final SubjectAccess access;

    SubjectAccessController(SubjectAccess access) {
        this.access = access;
    }

    @Operation(summary = "Subject access: everything Chorus holds naming the person, as JSON (privacy officer only)")
    @GetMapping("/api/v1/people/{personId}/data")
    Mono<ResponseEntity<SubjectAccess.Export>> export(@AuthenticationPrincipal CurrentUser user, @PathVariable String personId) {
        return access.export(user, personId).map(export -> attachment(export, personId + "-data.json"));
    }

    @Operation(summary = "My data: everything Chorus holds naming me, as JSON (any signed-in person of the directory; audited)")
    @GetMapping("/api/v1/me/data")
    Mono<ResponseEntity<SubjectAccess.Export>> mine(@AuthenticationPrincipal CurrentUser user) {
        return access.mine(user).map(export -> attachment(export, "my-chorus-data.json"));
    }

    @Operation(summary = "Subject access as a zip: the person, one CSV per kind of record, the attachments they wrote or "
        + "received, and a README saying what is left out (privacy officer only; streamed; audited)")
    @GetMapping(path = "/api/v1/people/{personId}/data/archive", produces = "application/zip")
    Mono<ResponseEntity<Flux<DataBuffer>>> archive(@AuthenticationPrincipal CurrentUser user, @PathVariable String personId) {
        return access.archive(user, personId).map(SubjectAccessController::zip);
    }

    @Operation(summary = "My data as a zip: the same archive as the privacy officer's, about me (any signed-in person of the "
        + "directory; streamed; audited)")
    @GetMapping(path = "/api/v1/me/data/archive", produces = "application/zip")
    Mono<ResponseEntity<Flux<DataBuffer>>> myArchive(@AuthenticationPrincipal CurrentUser user) {
        return access.myArchive(user).map(SubjectAccessController::zip);
    }

    private static ResponseEntity<Flux<DataBuffer>> zip(SubjectAccess.Archive archive) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + archive.filename() + "\"").body(archive.content());
    }

    private static ResponseEntity<SubjectAccess.Export> attachment(SubjectAccess.Export export, String filename) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"").body(export);
    }
}
