package app.chorus.surveys.internal;

/**
 * One answer a person owes a survey: for themself ({@code unit = "self"}), or for one child they care for
 * ({@code unit} = the pupil's id).
 *
 * @param key what makes the unit unique within the survey (never stored in clear: see {@link UnitKeys})
 */
public record ResponseUnit(String unit, String key, String personId, String pupilId, String label, Cell cell) {

    public static final String SELF = "self";
}
