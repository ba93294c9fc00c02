/**
 * The opinion map: conversations where participants vote agree, disagree or pass on short statements, and the map of
 * opinion groups computed as Polis does (module {@code opinions-math}), kept live as votes arrive. A conversation may
 * belong to a consultation (its deliberation phase), a school or the whole trust, and names its audience. Statements
 * go through {@link app.chorus.moderation.Moderation}; their visibility follows
 * {@link app.chorus.moderation.ContributionModerated}. Other modules open conversations through
 * {@link app.chorus.opinions.OpinionConversations}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Opinions")
package app.chorus.opinions;
