package app.chorus.consultations;

import app.chorus.directory.Audience;
import java.time.Instant;
import java.util.Map;

/**
 * A consultation moved from one phase to another (or closed: {@code to} is null). Published at least once per
 * {@code (consultationId, to)}; listeners are idempotent on that pair.
 */
public record ConsultationPhaseChanged(String consultationId, String schoolId, Audience audience, Phase from, Phase to,
                                       Map<String, String> titles, String defaultLanguage, Instant at) {
}
