package app.chorus.directory;

import java.util.Set;

/**
 * One person an audience reaches. For a carer, {@code schoolIds} are the schools of the pupils
 * in scope they care for and {@code pupilIds} those pupils; for staff and pupils, their own schools.
 */
public record AudienceMember(String personId, AudienceRole role, Set<String> schoolIds, Set<String> pupilIds,
                             String preferredLanguage) {
}
