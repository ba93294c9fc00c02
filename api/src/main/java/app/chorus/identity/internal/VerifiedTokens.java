package app.chorus.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens that passed the full check (signature, issuer, audience, time) until they expire, so an app
 * that makes several calls with one token (the mobile home makes three) pays for parsing and RSA verification
 * once. Keyed by the exact token text: a token is the same token only byte for byte. Failures are never
 * remembered. Bounded: the whole map is dropped when it reaches {@code maxEntries} (ADR 0079).
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder verifier;
    private final int maxEntries;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedTokens(ReactiveJwtDecoder verifier, int maxEntries, Clock clock) {
        this.verifier = verifier;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.get(token);
        if (known != null) {
            if (stillValid(known)) {
                return Mono.just(known);
            }
            verified.remove(token);
        }
        return verifier.decode(token).doOnNext(jwt -> remember(token, jwt));
    }

    /** Strictly before expiry, with no clock skew allowance: the first check already granted that. */
    private boolean stillValid(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && clock.instant().isBefore(expiresAt);
    }

    private void remember(String token, Jwt jwt) {
        if (!stillValid(jwt)) {
            return;
        }
        if (verified.size() >= maxEntries) {
            verified.clear();
        }
        verified.put(token, jwt);
    }
}
