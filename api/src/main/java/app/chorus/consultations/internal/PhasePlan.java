package app.chorus.consultations.internal;

import app.chorus.consultations.Phase;
import java.time.Instant;

/** When one phase of the timetable begins; it lasts until the next phase begins (or the consultation ends). */
public record PhasePlan(Phase phase, Instant startsAt) {
}
