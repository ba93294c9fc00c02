package app.chorus.consultations.internal;

import app.chorus.directory.AudienceRole;

/**
 * One voice a person has in a consultation: for a carer, one per child in the audience (shared by the child's
 * carers, or their own, as the consultation says); for staff and pupils, their own.
 *
 * @param key    what supports are unique by: {@code pupil:P}, {@code carer:C:pupil:P} or {@code person:P}
 * @param as     how a request names it: the pupil's id, or {@code self}
 * @param label  "Oliver (Oakfield Primary)" or "You"
 */
public record Voice(String key, String as, String label, String personId, String pupilId, String schoolId,
                    String yearGroup, AudienceRole role) {

    public static final String SELF = "self";
}
