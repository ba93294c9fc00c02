package app.chorus.announcements.internal;

import java.time.Instant;
import java.util.Map;

/** A superseded version, kept when a published announcement is edited; {@code reason} is the editor's, if given. */
public record PastVersion(int version, Map<String, Content> translations, Instant replacedAt, String replacedBy, String reason) {
}
