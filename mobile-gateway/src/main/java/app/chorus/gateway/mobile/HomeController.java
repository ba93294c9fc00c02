package app.chorus.gateway.mobile;

import io.swagger.v3.oas.annotations.Operation;
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

@Tag(name = "Home and sync", description = "What the carer's app shows, in one round trip, and what changed since")
@RestController
class HomeController {

    private final HomeComposer composer;
    private final EtaggedJson etagged;

    HomeController(HomeComposer composer, EtaggedJson etagged) {
        this.composer = composer;
        this.etagged = etagged;
    }

    @Operation(summary = "The merged home screen across all the carer's children and schools",
        description = "Send the last ETag as If-None-Match: 304 when nothing changed.")
    @ApiResponse(responseCode = "200", headers = @Header(name = "ETag", description = "Strong validator of the payload"),
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = MobileHome.class)))
    @ApiResponse(responseCode = "304", description = "Nothing changed since the ETag sent")
    @GetMapping("/mobile/v1/home")
    Mono<ResponseEntity<byte[]>> home(@RequestParam(required = false) String lang) {
        return composer.home(lang).map(etagged::ok);
    }
}
