/**
 * Moderation and safeguarding: one queue for everything people write (ideas, comments, statements, survey free
 * text). What a pupil writes waits for a moderator; everything else shows at once and is hidden after three
 * reports until reviewed; text matching a concern phrase, from anyone, is never published automatically and goes
 * to the safeguarding leads of the schools concerned, escalating to the trust's if nobody acknowledges it. Modules
 * submit through {@link app.chorus.moderation.Moderation} and follow {@link app.chorus.moderation.ContributionModerated}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Moderation")
package app.chorus.moderation;
