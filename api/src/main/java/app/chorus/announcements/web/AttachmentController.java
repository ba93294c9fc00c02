package app.chorus.announcements.web;

import app.chorus.announcements.internal.Attachment;
import app.chorus.announcements.internal.AttachmentService;
import app.chorus.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Tag(name = "Announcements", description = "Attachments (PDF and images, up to 10 MB, checked by content)")
@RestController
@RequestMapping("/api/v1/announcements/{id}/attachments")
class AttachmentController {

    private final AttachmentService attachments;

    AttachmentController(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @Operation(summary = "Attach a file: send its bytes as the body, its name as ?filename=")
    @PostMapping
    Mono<ResponseEntity<Attachment>> upload(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                                            @RequestParam String filename, ServerWebExchange exchange,
                                            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType) {
        Flux<DataBuffer> body = exchange.getRequest().getBody();
        return attachments.upload(user, id, filename, contentType, body)
            .map(saved -> ResponseEntity.status(HttpStatus.CREATED).body(saved));
    }

    @GetMapping("/{attachmentId}")
    Mono<ResponseEntity<Flux<DataBuffer>>> download(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                                                    @PathVariable String attachmentId) {
        return attachments.download(user, id, attachmentId).map(download -> ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(download.attachment().contentType()))
            .contentLength(download.attachment().size())
            .header("X-Content-Type-Options", "nosniff")
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(download.attachment().filename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
            .body(download.content()));
    }
}
