package app.chorus.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** An app's several calls with one token pay for its verification once; expiry and forgeries still count. */
class RepeatedCallsWithOneTokenVerifyItOnceTests {

    private static final Instant ISSUED = Instant.parse("2026-11-25T09:00:00Z");
    private final AtomicInteger verifications = new AtomicInteger();

    /** Stands in for signature and claim checks: tokens starting "good" pass, until 5 minutes after issue. */
    private final ReactiveJwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good")) {
            return Mono.error(new BadJwtException("bad signature"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("carer")
            .issuedAt(ISSUED).expiresAt(ISSUED.plusSeconds(300)).build());
    };

    @Test
    void threeCallsWithTheSameTokenVerifyItOnce() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, 100, at(ISSUED.plusSeconds(10)));
        for (int call = 0; call < 3; call++) {
            StepVerifier.create(tokens.decode("good-token")).assertNext(jwt -> assertThat(jwt.getSubject()).isEqualTo("carer"))
                .verifyComplete();
        }
        assertThat(verifications).hasValue(1);
    }

    @Test
    void anExpiredTokenIsCheckedAgainAndRefused() {
        Instant[] now = {ISSUED.plusSeconds(10)};
        Clock clock = new Clock() {
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return now[0];
            }
        };
        ReactiveJwtDecoder expiring = token -> now[0].isBefore(ISSUED.plusSeconds(300)) ? verifier.decode(token)
            : Mono.error(new BadJwtException("expired"));
        VerifiedTokens tokens = new VerifiedTokens(expiring, 100, clock);
        StepVerifier.create(tokens.decode("good-token")).expectNextCount(1).verifyComplete();
        now[0] = ISSUED.plusSeconds(300);
        StepVerifier.create(tokens.decode("good-token")).expectError(BadJwtException.class).verify();
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, 100, at(ISSUED.plusSeconds(10)));
        StepVerifier.create(tokens.decode("forged")).expectError(BadJwtException.class).verify();
        StepVerifier.create(tokens.decode("forged")).expectError(BadJwtException.class).verify();
        assertThat(verifications).hasValue(2);
    }

    @Test
    void memoryStaysBoundedByTheLimit() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, 2, at(ISSUED.plusSeconds(10)));
        for (String token : new String[] {"good-1", "good-2", "good-3", "good-1", "good-2", "good-3"}) {
            tokens.decode(token).block();
        }
        // three tokens do not fit in a memory of two: at least one of them had to be verified again
        assertThat(verifications.get()).isGreaterThan(3);
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
