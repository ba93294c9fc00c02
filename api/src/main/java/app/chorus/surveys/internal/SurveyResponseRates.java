package app.chorus.surveys.internal;

import java.time.Instant;
import java.util.List;

/**
 * How many of those asked each school has heard from, against the survey's goal. A school's figures about fewer
 * people than the small-group minimum are null and marked {@code hidden} (those asked) or {@code answeredHidden}
 * (those who answered, with enough other schools' hidden too that none can be worked out from the total).
 *
 * @param closingSoon the survey closes within {@link ResponseRates#CLOSING_SOON_DAYS} days
 */
public record SurveyResponseRates(String surveyId, String title, Instant closesAt, Integer goal, boolean closingSoon,
                                  int minimumGroupSize, List<SchoolRate> schools) {

    /**
     * @param asked     response units the school owes: one per child for carer surveys (each carer of a child: per
     *                  carer), one per person for staff and pupils
     * @param percent   answered out of asked, rounded down
     * @param belowGoal null without a goal or when nothing of the school may be shown
     */
    public record SchoolRate(String schoolId, String schoolName, Long asked, Long answered, Integer percent,
                         boolean hidden, boolean answeredHidden, Boolean belowGoal) {
    }
}
