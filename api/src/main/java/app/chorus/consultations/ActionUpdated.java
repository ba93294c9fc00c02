package app.chorus.consultations;

import java.time.Instant;

/**
 * An action promised in a consultation's outcome was added or changed. At least once per
 * {@code (actionId, revision)}; pushed to those who took part in the consultation and nobody else.
 *
 * @param progress percent done, 0-100
 */
public record ActionUpdated(String consultationId, String schoolId, String actionId, int revision, String what,
                            String status, int progress, String consultationTitle, String defaultLanguage, Instant at) {
}
