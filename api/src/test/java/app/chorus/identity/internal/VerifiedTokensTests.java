package app.chorus.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.notifications.TestClock.MovableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The api verifies each token once, yet never lets an expired or rejected token through. */
class VerifiedTokensTests {

    private final AtomicInteger verifications = new AtomicInteger();

    private final MovableClock clock = new MovableClock();

    private ReactiveJwtDecoder verifier(Instant expiresAt) {
        return token -> {
            verifications.incrementAndGet();
            if (token.startsWith("forged")) {
                return Mono.error(new BadJwtException("Signed JWT rejected: Invalid signature"));
            }
            if (!clock.instant().isBefore(expiresAt)) {
                return Mono.error(new JwtValidationException("Jwt expired at " + expiresAt,
                    List.of(new OAuth2Error("invalid_token", "Jwt expired at " + expiresAt, null))));
            }
            return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("carer")
                .issuedAt(expiresAt.minusSeconds(300)).expiresAt(expiresAt).build());
        };
    }

    @Test
    void aTokenSentOnEveryRequestIsVerifiedOnce() {
        VerifiedTokens tokens = new VerifiedTokens(verifier(Instant.now().plusSeconds(300)), 100, Clock.systemUTC());

        for (int i = 0; i < 5; i++) {
            StepVerifier.create(tokens.decode("token-a")).expectNextMatches(jwt -> jwt.getSubject().equals("carer")).verifyComplete();
        }
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aVerifiedTokenIsRefusedOnceItExpires() {
        VerifiedTokens tokens = new VerifiedTokens(verifier(clock.instant().plusMillis(1_500)), 100, clock);
        StepVerifier.create(tokens.decode("token-b")).expectNextCount(1).verifyComplete();

        clock.advance(Duration.ofMillis(1_600));

        StepVerifier.create(tokens.decode("token-b"))
            .expectErrorSatisfies(failure -> assertThat(failure).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired"))
            .verify();
        assertThat(verifications).as("an expired token is not vouched for from memory").hasValue(2);
    }

    @Test
    void aRejectedTokenIsCheckedAgainEveryTime() {
        VerifiedTokens tokens = new VerifiedTokens(verifier(Instant.now().plusSeconds(300)), 100, Clock.systemUTC());

        StepVerifier.create(tokens.decode("forged-1")).expectError(BadJwtException.class).verify();
        StepVerifier.create(tokens.decode("forged-1")).expectError(BadJwtException.class).verify();
        assertThat(verifications).hasValue(2);
    }
}
