package app.chorus.opinions.internal;

import app.chorus.directory.Access;
import app.chorus.identity.Role;
import java.util.TreeSet;

/**
 * Where the caller sits in a conversation: {@code leads} when they moderate its place (a leader of its school, or a
 * trust leader for a trust-wide one), {@code takesPart} when they are in its audience.
 */
record Seat(Conversation conversation, Access access, boolean leads, boolean takesPart) {

    String personId() {
        return access.user().personId();
    }

    boolean pupil() {
        return access.user().has(Role.PUPIL);
    }

    /** The role a group's breakdown counts this person under. */
    String role() {
        if (pupil()) {
            return "pupils";
        }
        return access.user().has(Role.CARER) ? "carers" : "staff";
    }

    /** The school a group's breakdown counts this person under: the conversation's, else their first. */
    String school() {
        if (conversation.schoolId() != null) {
            return conversation.schoolId();
        }
        return access.schools().isEmpty() ? null : new TreeSet<>(access.schools()).first();
    }

    /** Pre-moderated: pupils always; everyone but its leaders in a strict conversation. */
    boolean preModerated() {
        return pupil() || conversation.strict() && !leads;
    }
}
