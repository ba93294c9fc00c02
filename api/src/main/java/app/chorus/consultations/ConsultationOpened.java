package app.chorus.consultations;

import app.chorus.directory.Audience;
import java.time.Instant;
import java.util.Map;

/**
 * A consultation's first phase began. Published at least once (listeners are idempotent on
 * {@code consultationId}).
 *
 * @param schoolId the school asking, or null for the trust
 * @param titles   the consultation's title per language tag; always has {@code defaultLanguage}
 */
public record ConsultationOpened(String consultationId, String schoolId, Audience audience, Phase phase,
                                 Map<String, String> titles, String defaultLanguage, Instant at) {
}
