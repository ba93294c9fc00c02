package app.chorus.moderation;

/** Who may see a contribution now. Only {@link #SHOWN} is visible to anyone but its author and the moderators. */
public enum Visibility {
    /** Everyone who may read the place it was written in. */
    SHOWN,
    /** Written by a pupil: waits for a moderator. */
    AWAITING_APPROVAL,
    /** Reported by three people: hidden until a moderator reviews it. */
    HIDDEN_AFTER_REPORTS,
    /** A moderator removed it, with a reason. */
    REMOVED,
    /** It matched a concern phrase: with the safeguarding lead, never published automatically. */
    HELD_FOR_SAFEGUARDING;

    public boolean shown() {
        return this == SHOWN;
    }
}
