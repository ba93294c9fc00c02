package app.chorus.surveys;

import java.time.Instant;
import java.util.List;

/**
 * An open survey still waiting for some of a person's answers (answered units are left out).
 *
 * @param units what to answer: one "self" unit, or for carer surveys one per child cared for, with a label such as
 *              "Amira (Oakfield Primary)"
 */
public record WaitingSurvey(String surveyId, String title, Anonymity anonymity, Instant closesAt, List<Unit> units) {

    /**
     * @param unit    the path segment to answer with: {@code self}, or the pupil's id for carer surveys
     * @param label   who this answer is about
     * @param pupilId the child answered for, or null
     * @param draft   a draft is saved for this unit
     */
    public record Unit(String unit, String label, String pupilId, boolean draft) {
    }
}
