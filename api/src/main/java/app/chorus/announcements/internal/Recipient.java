package app.chorus.announcements.internal;

import java.util.Set;

/** A person as feeds see them: the audience keys they belong to and the language they read. */
public record Recipient(String personId, Set<String> keys, String language) {

    boolean matches(java.util.Collection<String> audienceKeys) {
        for (String key : audienceKeys) {
            if (keys.contains(key)) {
                return true;
            }
        }
        return false;
    }
}
