package app.chorus.gateway.mobile;

import app.chorus.gateway.api.ApiViews.FeedItem;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** One announcement as the app lists it: no body (fetched on open), with the children it concerns. */
@Schema(description = "An announcement card: enough to list it and badge it; the full text comes from /api/v1/feed/{id}")
public record MobileAnnouncement(
    @Schema(description = "Stable announcement id") String id,
    @Schema(description = "The school speaking, or null for the trust or several schools") String schoolId,
    String title,
    String summary,
    @Schema(allowableValues = {"NORMAL", "IMPORTANT", "URGENT"}) String priority,
    @Schema(description = "Carers are asked to confirm they have read it") boolean acknowledgementRequired,
    Instant acknowledgeBy,
    Instant publishedAt,
    Instant updatedAt,
    @Schema(description = "Changed since first published") boolean edited,
    @Schema(description = "Opened on any of the carer's devices") boolean opened,
    boolean acknowledged,
    @Schema(description = "Labels of the carer's children it concerns, e.g. \"Amira (Oakfield Primary)\"") List<String> children,
    @Schema(description = "Why it was last edited, as the school gave it (null: no reason given)") String editReason,
    @Schema(description = "The school withdrew it: show the title and the reason, nothing else") boolean withdrawn,
    String withdrawalReason) {

    static MobileAnnouncement of(FeedItem item, ChildLabels labels) {
        return new MobileAnnouncement(item.id(), item.schoolId(), item.title(), item.summary(), item.priority(),
            item.requiresAcknowledgement(), item.acknowledgeBy(), item.publishedAt(), item.updatedAt(), item.edited(),
            item.openedAt() != null, item.acknowledgedAt() != null, labels.concerning(item), item.editReason(),
            item.withdrawn(), item.withdrawalReason());
    }

    /** Needs the carer: acknowledgement outstanding first, then unread. */
    int attention() {
        if (withdrawn) {
            return 2;
        }
        if (acknowledgementRequired && !acknowledged) {
            return 0;
        }
        return opened ? 2 : 1;
    }
}
