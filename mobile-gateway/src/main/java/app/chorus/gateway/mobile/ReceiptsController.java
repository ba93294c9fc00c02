package app.chorus.gateway.mobile;

import app.chorus.gateway.api.ApiClient;
import app.chorus.gateway.api.ApiViews.FeedItem;
import app.chorus.gateway.mobile.MobileDelta.ReadMark;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** "Opened" and "acknowledged" receipts, relayed to the api where they feed the announcement's reach. */
@Tag(name = "Receipts", description = "Tell the school the carer saw or acknowledged an announcement")
@RestController
class ReceiptsController {

    private final ApiClient api;

    ReceiptsController(ApiClient api) {
        this.api = api;
    }

    @Schema(description = "How the announcement was opened")
    record Opened(@Schema(description = "Opened from a push notification (false when left out)") Boolean fromPush) {
    }

    @Operation(summary = "The carer opened an announcement (idempotent)")
    @PostMapping("/mobile/v1/announcements/{id}/opened")
    Mono<ReadMark> opened(@PathVariable String id, @RequestBody(required = false) Opened opened) {
        Mono<FeedItem> feed = api.send(HttpMethod.POST, uri -> uri.path("/api/v1/feed/{id}/open").build(id), null, null,
            FeedItem.class);
        if (opened == null || !Boolean.TRUE.equals(opened.fromPush())) {
            return feed.map(ReceiptsController::mark);
        }
        Mono<Object> push = api.send(HttpMethod.POST, uri -> uri.path("/api/v1/notifications/opened").build(),
            Map.of("source", "announcement", "sourceId", id), null, Object.class).defaultIfEmpty(Map.of());
        return feed.flatMap(item -> push.thenReturn(mark(item)));
    }

    @Operation(summary = "The carer acknowledged an announcement ('I have read this'); recorded once. Accepts Idempotency-Key.")
    @PostMapping("/mobile/v1/announcements/{id}/acknowledged")
    Mono<ReadMark> acknowledged(@PathVariable String id,
                                @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return api.send(HttpMethod.POST, uri -> uri.path("/api/v1/feed/{id}/acknowledge").build(id), null, idempotencyKey,
            FeedItem.class).map(ReceiptsController::mark);
    }

    private static ReadMark mark(FeedItem item) {
        return new ReadMark(item.id(), item.openedAt(), item.acknowledgedAt());
    }
}
