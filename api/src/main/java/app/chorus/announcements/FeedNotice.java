package app.chorus.announcements;

import app.chorus.directory.Audience;
import java.time.Instant;
import java.util.Map;

/**
 * A short item another module puts in the feeds of an audience (a consultation opening, its outcome), shown and
 * delta-synced like an announcement, with a link to the thing itself.
 *
 * @param id        stable, so posting it again changes nothing (e.g. {@code consultation:ID:opened})
 * @param schoolId  the school speaking, or null for the trust
 * @param titles    per language; must contain {@code defaultLanguage}
 * @param summaries per language
 * @param link      where it leads in the web client (a path such as {@code /consultations/ID})
 */
public record FeedNotice(String id, String schoolId, Audience audience, Map<String, String> titles, Map<String, String> summaries,
                         String defaultLanguage, String link, String linkTitle, Instant at) {
}
