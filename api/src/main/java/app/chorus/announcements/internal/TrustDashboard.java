package app.chorus.announcements.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * The trust's announcements over a period, school by school, in one read: how many went out, to how many people,
 * how many opened them and, where acknowledgement was asked, how many acknowledged. Counts about fewer people than
 * the small-group minimum are left out ({@code hidden}); rates are the reader's to work out from the counts.
 */
public record TrustDashboard(LocalDate from, LocalDate to, long announcements, int minimumGroupSize, List<School> schools) {

    /**
     * One school's figures; {@code null} where the group is too small to show.
     *
     * @param audience people addressed, counted once per announcement
     * @param acknowledgementsAsked people addressed by announcements that asked for acknowledgement
     */
    public record School(String schoolId, long announcements, Long audience, Long opened,
                         Long acknowledgementsAsked, Long acknowledged, boolean hidden) {
    }
}
