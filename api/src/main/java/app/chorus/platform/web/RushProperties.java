package app.chorus.platform.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The writes a whole community sends at once while others read the live figures (ballots beside the live results,
 * supports beside the ideas list) and how many of them an api instance works on together (ADR 0406).
 *
 * @param concurrency writes worked on at once; the rest wait their turn without using the CPU
 * @param maxWaiting  writes that may wait; one more is answered 503 with {@code Retry-After}
 * @param writes      the writes, as {@code METHOD path-pattern}
 */
@ConfigurationProperties("chorus.web.rush")
public record RushProperties(
    @DefaultValue("16") int concurrency,
    @DefaultValue("2000") int maxWaiting,
    @DefaultValue({
        "POST /api/v1/decisions/{decisionId}/ballots",
        "PUT /api/v1/consultations/{consultationId}/ideas/{ideaId}/support",
        "DELETE /api/v1/consultations/{consultationId}/ideas/{ideaId}/support"}) List<String> writes) {
}
