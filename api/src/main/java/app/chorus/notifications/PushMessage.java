package app.chorus.notifications;

import app.chorus.directory.Audience;
import java.util.Map;

/**
 * Something to push to an audience, localised per recipient. One fan-out happens per
 * {@code (source, sourceId, version)}: asking again for the same triple changes nothing.
 *
 * @param source          what kind of thing it is ("announcement", "survey", "consultation")
 * @param sourceId        its id; with {@code version} the base of the collapse id the phone shows once
 * @param version         content version (an edit is a new fan-out)
 * @param schoolId        the school speaking (per-school mutes apply), or null for the trust
 * @param audience        who it reaches
 * @param urgency         normal / important / urgent
 * @param titles          title per language tag; must contain {@code defaultLanguage}
 * @param bodies          short plain-text body per language tag
 * @param defaultLanguage used when a recipient's language has no translation
 */
public record PushMessage(String source, String sourceId, int version, String schoolId, Audience audience,
                          Urgency urgency, Map<String, String> titles, Map<String, String> bodies,
                          String defaultLanguage) {

    public PushMessage {
        titles = Map.copyOf(titles);
        bodies = Map.copyOf(bodies);
    }

    /** The fan-out's stable id, also the collapse id every device gets. */
    public String fanOutId() {
        return source + ":" + sourceId + ":v" + version;
    }

    public String title(String language) {
        return titles.getOrDefault(language, titles.get(defaultLanguage));
    }

    public String body(String language) {
        return bodies.getOrDefault(language, bodies.getOrDefault(defaultLanguage, ""));
    }

    public boolean hasTranslation(String language) {
        return language != null && titles.containsKey(language);
    }
}
