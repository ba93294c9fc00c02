package app.chorus.consultations;

import app.chorus.directory.Audience;
import java.time.Instant;
import java.util.Map;

/** A consultation's decision was published with its rationale ("you said, we did"). At least once per consultation. */
public record OutcomePublished(String consultationId, String schoolId, Audience audience, Map<String, String> titles,
                               String defaultLanguage, String summary, Instant at) {
}
