package app.chorus.surveys.internal;

import app.chorus.directory.AudienceRole;

/**
 * The finest breakdown group a response counts in: school x year group x role. Every breakdown (by school, year
 * group or role, and the whole survey) is a sum of cells, so each submission updates exactly one tally document.
 *
 * @param year the pupil's year group (carer and pupil answers), or "-" for staff
 */
public record Cell(String school, String year, AudienceRole role) {

    public static final String NO_YEAR = "-";

    public String id(String surveyId) {
        return surveyId + "|" + school + "|" + year + "|" + role.key();
    }

    /** The group key of this cell in one breakdown dimension. */
    public String groupIn(Breakdown breakdown) {
        return switch (breakdown) {
            case SCHOOL -> school;
            case YEAR -> year;
            case ROLE -> role.key();
        };
    }
}
