package app.chorus.moderation;

/**
 * A contribution's visibility changed after it was submitted: a moderator decided, or reports hid it. Modules that
 * keep a copy of the visibility on their own documents (to page through what may be shown) update it from this.
 *
 * @param decidedBy the moderator's person id, or null when reports hid it
 */
public record ContributionModerated(ContributionRef ref, Visibility visibility, String decidedBy, String reason) {
}
