package app.chorus.consultations.internal;

import java.util.List;

/**
 * Who has taken part, by school, year group and role. Every figure about fewer people than the trust's minimum is
 * null with {@code suppressed} set, and so many more groups that none can be worked out by subtraction.
 */
public record ParticipationView(String consultationId, Long total, boolean totalSuppressed, int smallestGroupShown,
                                List<Group> bySchool, List<Group> byYearGroup, List<Group> byRole) {

    public record Group(String key, Long people, boolean suppressed) {
    }
}
