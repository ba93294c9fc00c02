package app.chorus.announcements.internal;

import app.chorus.directory.AudienceMember;
import app.chorus.directory.DirectoryQueries;
import java.util.List;
import java.util.Set;

/**
 * A carer still to acknowledge, as a leader following up needs them: their name, and the children the post concerns
 * with their classes. {@code name} and {@code children} are empty when the directory no longer knows the carer.
 */
public record CarerToFollowUp(String personId, String name, Set<String> schoolIds, Set<String> pupilIds,
                              List<ChildToFollowUp> children) {

    public record ChildToFollowUp(String pupilId, String name, String schoolId, String schoolName, List<String> classes) {
    }

    static CarerToFollowUp of(AudienceMember member, DirectoryQueries.Carer carer) {
        if (carer == null) {
            return new CarerToFollowUp(member.personId(), null, member.schoolIds(), member.pupilIds(), List.of());
        }
        List<ChildToFollowUp> children = carer.children().stream()
            .filter(child -> member.pupilIds().contains(child.pupilId()))
            .map(child -> new ChildToFollowUp(child.pupilId(), child.givenName() + " " + child.familyName(), child.schoolId(),
                child.schoolName(), child.classTitles()))
            .toList();
        return new CarerToFollowUp(member.personId(), carer.person().displayName(), member.schoolIds(), member.pupilIds(),
            children);
    }
}
