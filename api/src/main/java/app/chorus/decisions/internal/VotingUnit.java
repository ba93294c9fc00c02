package app.chorus.decisions.internal;

import app.chorus.directory.AudienceRole;

/**
 * One ballot a person may cast: for themself ({@code unit = "self"}) or for a child they care for ({@code unit} = the
 * pupil's id).
 *
 * @param key what makes the unit unique within the decision, never stored in clear (see {@link BallotKeys})
 * @param cell where the ballot counts in breakdowns
 */
public record VotingUnit(String unit, String key, String personId, String pupilId, String label, Cell cell) {

    public static final String SELF = "self";

    /** The finest breakdown group: school x year group x role ("-" for no year group). */
    public record Cell(String school, String year, AudienceRole role) {

        public static final String NO_YEAR = "-";

        String id(String decisionId) {
            return decisionId + "|" + school + "|" + year + "|" + role.key();
        }

        String groupIn(String by) {
            return switch (by) {
                case "school" -> school;
                case "year" -> year;
                default -> role.key();
            };
        }
    }
}
