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
 * @param group           instead of an audience, a {@link RecipientGroup} as {@code kind:key}; null for an audience
 */
public record PushMessage(String source, String sourceId, int version, String schoolId, Audience audience,
                          Urgency urgency, Map<String, String> titles, Map<String, String> bodies,
                          String defaultLanguage, String group) {

    public PushMessage {
        titles = Map.copyOf(titles);
        bodies = Map.copyOf(bodies);
        if ((audience == null) == (group == null)) {
            throw new IllegalArgumentException("A push goes to an audience or to a group, exactly one of them");
        }
    }

    public PushMessage(String source, String sourceId, int version, String schoolId, Audience audience, Urgency urgency,
                       Map<String, String> titles, Map<String, String> bodies, String defaultLanguage) {
        this(source, sourceId, version, schoolId, audience, urgency, titles, bodies, defaultLanguage, null);
    }

    /** A push to the members of a {@link RecipientGroup}. */
    public static PushMessage toGroup(String source, String sourceId, int version, String schoolId, String group,
                                      Urgency urgency, Map<String, String> titles, Map<String, String> bodies,
                                      String defaultLanguage) {
        return new PushMessage(source, sourceId, version, schoolId, null, urgency, titles, bodies, defaultLanguage, group);
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
