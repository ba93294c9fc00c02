package app.chorus.directory;

import java.util.Map;

/** How many distinct people an audience reaches, in all and by school and role. */
public record AudienceReach(long people, Map<String, Map<AudienceRole, Long>> bySchool) {
}
