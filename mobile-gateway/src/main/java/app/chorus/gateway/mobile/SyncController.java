package app.chorus.gateway.mobile;

import app.chorus.edge.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@Tag(name = "Home and sync")
@RestController
class SyncController {

    private final SyncComposer composer;
    private final EtaggedJson etagged;

    SyncController(SyncComposer composer, EtaggedJson etagged) {
        this.composer = composer;
        this.etagged = etagged;
    }

    @Operation(summary = "Only what changed since a cursor: new, edited, retracted, read elsewhere",
        description = "Start from the 'sync' cursor of /mobile/v1/home, then keep the returned 'cursor'. "
            + "Send the last ETag as If-None-Match: 304 when nothing changed.")
    @ApiResponse(responseCode = "200", headers = @Header(name = "ETag", description = "Strong validator of the payload"),
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = MobileDelta.class)))
    @ApiResponse(responseCode = "304", description = "Nothing changed since the ETag sent")
    @ApiResponse(responseCode = "400", description = "Missing or malformed cursor (problem details)")
    @GetMapping("/mobile/v1/sync")
    Mono<ResponseEntity<byte[]>> sync(
        @Parameter(description = "Cursor from home's 'sync' or the previous sync's 'cursor'") @RequestParam(required = false) String since,
        @RequestParam(required = false) String lang) {
        if (since == null || since.isBlank()) {
            return Mono.error(new ProblemException(400, "missing-cursor", "Bad request",
                "Say where to sync from: pass ?since= with the 'sync' cursor of /mobile/v1/home.").with("field", "since"));
        }
        return composer.since(since, lang).map(etagged::ok);
    }
}
