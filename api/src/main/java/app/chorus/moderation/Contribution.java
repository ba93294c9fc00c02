package app.chorus.moderation;

import java.util.Set;

/**
 * Something a person wrote, as moderation sees it.
 *
 * @param ref                 what it is in the owning module
 * @param title               a short label for the moderators' queue (e.g. the consultation's title)
 * @param text                what was written (title and body of an idea together)
 * @param schoolId            the school whose leaders moderate it; null for trust-wide places (trust leaders)
 * @param safeguardingSchools the schools whose safeguarding leads hear a concern in it (the author's children's
 *                            schools for a carer, their own school for staff and pupils)
 * @param authorPersonId      the directory person who wrote it
 * @param byPupil             written by a pupil: nobody else sees it before a moderator approves it
 * @param dayOnly             keep only the day it was written, not the time (an anonymous answer: a time could link it
 *                            to its author); a safeguarding concern still records when it was raised
 */
public record Contribution(ContributionRef ref, String title, String text, String schoolId,
                           Set<String> safeguardingSchools, String authorPersonId, boolean byPupil, boolean dayOnly) {

    public Contribution {
        safeguardingSchools = Set.copyOf(safeguardingSchools);
    }

    /** A contribution whose time of writing may be kept. */
    public Contribution(ContributionRef ref, String title, String text, String schoolId, Set<String> safeguardingSchools,
                        String authorPersonId, boolean byPupil) {
        this(ref, title, text, schoolId, safeguardingSchools, authorPersonId, byPupil, false);
    }
}
