package app.chorus.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens that passed the full check (signature, issuer, audience, time) until they expire, so an app
 * that makes several calls with one token (the mobile home makes three) pays for parsing and RSA verification
 * once. Keyed by the exact token text: a token is the same token only byte for byte. Failures are never
 * remembered. Bounded (least recently used out first) and each entry gone at its token's {@code exp}, with no clock
 * skew allowance: the first check already granted that (ADR 0079, 0171).
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(ReactiveJwtDecoder verifier, int maxEntries, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
            .maximumSize(maxEntries)
            .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> lifeLeft(jwt)))
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            .executor(Runnable::run) // evicts on the caller's thread: a few map operations, and the bound holds at once
            .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            return Mono.just(known);
        }
        return verifier.decode(token).doOnNext(jwt -> {
            if (lifeLeft(jwt).compareTo(Duration.ZERO) > 0) {
                verified.put(token, jwt);
            }
        });
    }

    private Duration lifeLeft(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt == null ? Duration.ZERO : Duration.between(clock.instant(), expiresAt);
    }
}
