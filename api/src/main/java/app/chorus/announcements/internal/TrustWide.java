package app.chorus.announcements.internal;

import java.time.Instant;

/**
 * How a trust-wide announcement reaches schools: identical everywhere, or adaptable (each school adds a local
 * note and picks its publish time within [windowStart, windowEnd], or declines if allowed).
 */
public record TrustWide(boolean adaptable, Instant windowStart, Instant windowEnd, boolean allowDecline) {
}
