package app.chorus.consultations.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The decision, published with its rationale and what shaped it.
 *
 * @param results the decision's counted results, filled by the decisions module for binding votes (null until then)
 * @param publishedBy the publisher's person id; {@code publisherName} and {@code publisherRole} are what readers see
 */
public record Outcome(String decision, String rationale, List<String> ideaIds, List<String> commentIds,
                      Map<String, Object> results, Instant publishedAt, String publishedBy, String publisherName,
                      String publisherRole) {
}
