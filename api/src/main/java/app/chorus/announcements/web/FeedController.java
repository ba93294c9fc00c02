package app.chorus.announcements.web;

import app.chorus.announcements.internal.FeedDelta;
import app.chorus.announcements.internal.FeedItem;
import app.chorus.announcements.internal.FeedPage;
import app.chorus.announcements.internal.FeedService;
import app.chorus.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@Tag(name = "Feed", description = "A person's announcements across all their schools and children")
@RestController
@RequestMapping("/api/v1/feed")
class FeedController {

    private final FeedService feed;

    FeedController(FeedService feed) {
        this.feed = feed;
    }

    @Operation(summary = "My feed, newest first, with unread and awaiting-acknowledgement counts; 'sync' is a delta cursor")
    @GetMapping
    Mono<FeedPage> page(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String cursor,
                        @RequestParam(defaultValue = "20") int limit, @RequestParam(required = false) String lang) {
        return feed.page(user, cursor, limit, lang);
    }

    @Operation(summary = "Delta sync: what is new, edited, removed (tombstones) or read elsewhere since a cursor")
    @GetMapping(params = "since")
    Mono<FeedDelta> since(@AuthenticationPrincipal CurrentUser user, @RequestParam String since,
                          @RequestParam(required = false) String lang) {
        return feed.since(user, since, lang);
    }

    @GetMapping("/{id}")
    Mono<FeedItem> item(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                        @RequestParam(required = false) String lang) {
        return feed.item(user, id, lang);
    }

    @Operation(summary = "Mark as opened (idempotent)")
    @PostMapping("/{id}/open")
    Mono<FeedItem> open(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return feed.open(user, id);
    }

    @Operation(summary = "Acknowledge ('I have read this'); recorded once however often it is sent. Accepts Idempotency-Key.")
    @PostMapping("/{id}/acknowledge")
    Mono<FeedItem> acknowledge(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                               @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return feed.acknowledge(user, id);
    }
}
