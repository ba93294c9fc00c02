package app.chorus.identity.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens already verified (signature, issuer, audience), keyed by the exact token text, so an app
 * sending the same token on every request pays the RSA check and the claims parsing once per token instead of
 * once per request (ADR 0046). Expiry is re-checked on every use; failures are never remembered. Bounded: the
 * map is emptied when it reaches {@code maxTokens}.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> stillValid;
    private final int maxTokens;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedTokens(ReactiveJwtDecoder verifier, Duration clockSkew, int maxTokens) {
        this.verifier = verifier;
        this.stillValid = new JwtTimestampValidator(clockSkew);
        this.maxTokens = maxTokens;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.get(token);
        if (known != null) {
            OAuth2TokenValidatorResult check = stillValid.validate(known);
            if (!check.hasErrors()) {
                return Mono.just(known);
            }
            verified.remove(token);
            return Mono.error(new JwtValidationException(check.getErrors().iterator().next().getDescription(), check.getErrors()));
        }
        return verifier.decode(token).doOnNext(jwt -> remember(token, jwt));
    }

    private void remember(String token, Jwt jwt) {
        if (verified.size() >= maxTokens) {
            verified.clear();
        }
        verified.put(token, jwt);
    }
}
