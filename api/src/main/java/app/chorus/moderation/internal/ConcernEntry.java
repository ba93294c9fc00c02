package app.chorus.moderation.internal;

import java.time.Instant;
import java.util.Set;

/** A concern as the safeguarding lead sees it: the text, who wrote it, the phrases found, where it stands. */
public record ConcernEntry(String kind, String id, String title, String text, String author, String authorPersonId,
                           boolean byPupil, Set<String> schoolIds, Set<String> phrases, Instant raisedAt,
                           Instant acknowledgedAt, String acknowledgedBy, String note, Instant escalatedAt) {
}
