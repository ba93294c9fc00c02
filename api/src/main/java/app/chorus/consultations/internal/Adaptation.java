package app.chorus.consultations.internal;

import java.time.Instant;

/**
 * For a trust-wide consultation: identical everywhere, or adaptable, where each school may add local questions and
 * set its own closing date between {@code closingFrom} and {@code closingUntil}.
 */
public record Adaptation(Boolean adaptable, Instant closingFrom, Instant closingUntil) {

    public Adaptation {
        adaptable = Boolean.TRUE.equals(adaptable);
    }

    public static final Adaptation IDENTICAL = new Adaptation(false, null, null);
}
