package app.chorus.consultations.internal;

import java.util.List;

/**
 * How many asks the people of a new consultation's audience already have open over its time, and a warning (never a
 * refusal) when some of them would have more than the trust's limit at once, this one included.
 *
 * @param people           people in the audience
 * @param withOpenAsks     of them, those who already have another ask open over the same time
 * @param aboveLimit       of them, those who would have more than {@code limit} open at once with this one
 * @param limit            the trust's most open asks per person ({@code chorus.consultations.fatigue.open-asks-per-person})
 * @param overlapping      the other asks open over the same time for some of this audience
 * @param warning          what to tell the leader, or null
 */
public record Fatigue(long people, long withOpenAsks, long aboveLimit, int limit, List<Overlap> overlapping, String warning) {

    public record Overlap(String kind, String id, String title, java.time.Instant from, java.time.Instant until) {
    }
}
