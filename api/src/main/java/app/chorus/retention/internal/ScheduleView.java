package app.chorus.retention.internal;

import java.time.Instant;
import java.util.List;

/**
 * The trust's retention schedule as the api shows it.
 *
 * @param updatedAt when the trust last changed it; null while every kind has its default
 */
public record ScheduleView(List<Kind> kinds, Instant updatedAt) {

    /**
     * One kind of data.
     *
     * @param enforced whether the scheduled purge acts on this kind yet (see docs/data-protection.md)
     */
    public record Kind(String kind, String period, String byDefault, String shortest, String what, boolean enforced) {
    }
}
