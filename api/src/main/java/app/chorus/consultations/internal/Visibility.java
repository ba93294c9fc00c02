package app.chorus.consultations.internal;

import java.util.Set;

/** Moderation's answer as stored on ideas and comments (the names of {@code moderation.Visibility}). */
final class Visibility {

    static final String SHOWN = "SHOWN";
    static final String AWAITING_APPROVAL = "AWAITING_APPROVAL";
    private static final Set<String> SHOWN_STATES = Set.of(SHOWN);

    private Visibility() {
    }

    static boolean shown(String visibility) {
        return SHOWN_STATES.contains(visibility);
    }
}
