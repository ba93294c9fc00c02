package app.chorus.shared;

import java.time.Instant;

/**
 * A consequential act that no other module's event describes (an export, a privacy officer's reveal, a settings
 * change): published by the module that did it, recorded by the audit module once per {@code key}.
 *
 * @param key      what makes this act unique (re-publishing the same key records nothing more)
 * @param kind     what was done, e.g. {@code survey-respondent-revealed}
 * @param schoolId the school it concerns, or null for the trust
 * @param actorId  the person who did it, or null when the system did
 * @param subject  what it was done to, e.g. {@code survey:abc}
 * @param reason   why, when a reason was given
 */
public record ActRecorded(String key, String kind, String schoolId, String actorId, String subject, String reason,
                          Instant at) {
}
