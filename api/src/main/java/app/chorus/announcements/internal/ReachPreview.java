package app.chorus.announcements.internal;

import app.chorus.directory.AudienceRole;
import java.util.Map;

/**
 * Who an audience would reach before publishing: distinct people in all, by role and by school and role (a carer
 * with children in two schools counts once in {@code people}, once under each school); and the same for their
 * working devices (a carer with two phones counts twice). {@code devices} is null when no module keeps devices.
 * {@code needsApproval} says whether a post from this author to this audience would wait for a leader's approval.
 */
public record ReachPreview(long people, Map<AudienceRole, Long> byRole, Map<String, Map<AudienceRole, Long>> bySchool,
                           DeviceCounts devices, boolean needsApproval) {

    public record DeviceCounts(long total, Map<AudienceRole, Long> byRole, Map<String, Map<AudienceRole, Long>> bySchool) {
    }
}
