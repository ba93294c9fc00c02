package app.chorus.notifications.internal;

import java.time.Duration;
import java.time.LocalTime;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Push settings ({@code chorus.push.*}).
 *
 * @param credentials       service-account JSON for real FCM; empty = the local stand-in
 * @param standInUrl        the FCM stand-in's base URL, or {@code embedded} to start one in this JVM
 * @param projectId         Firebase project id used with the stand-in
 * @param workers           concurrent {@code sendEach} calls per instance (the crash window is workers x messagesPerCall)
 * @param messagesPerCall   messages per {@code sendEach} call (FCM allows 500)
 * @param httpConcurrency   most HTTP requests in flight per instance (SDK executor threads and connections): the
 *                          budget x 50 ms x 1.25, so a 50 ms FCM can be sent to at the full budget (ADR 0098)
 * @param httpConcurrencyLeast fewest: in between, the rate budget times FCM's latency decides (ADR 0097)
 * @param ratePerMinute     send-rate budget per instance (FCM's default project quota is 600,000/minute)
 * @param lease             how long a claimed batch or a planning job stays with one instance without news
 * @param pollInterval      how often idle workers look for due batches
 * @param connectTimeout    HTTP connect timeout to FCM
 * @param readTimeout       HTTP read timeout to FCM
 * @param retryBackoff      first retry delay (doubles per attempt up to {@code maxBackoff}, jittered; Retry-After wins
 *                          when longer)
 * @param maxBackoff        the longest wait between two attempts at a message FCM could not take
 * @param messageLifetime   how long a push still matters: retried until then (an outage of hours included), then given
 *                          up as expired (ADR 0343)
 * @param emailFallbackAfter important/urgent messages go by email when not opened after this long
 * @param digestAt          local time (Europe/London) when daily-digest pushes go out
 * @param planChunk         audience members planned per step
 */
@ConfigurationProperties("chorus.push")
@Validated
public record PushProperties(
    @DefaultValue("") String credentials,
    @DefaultValue("embedded") String standInUrl,
    @DefaultValue("chorus-local") String projectId,
    @DefaultValue("3") @Positive int workers,
    @DefaultValue("500") @Positive @Max(value = 500, message = "must be at most 500 (FCM's limit per sendEach)") int messagesPerCall,
    @DefaultValue("625") @Positive int httpConcurrency,
    @DefaultValue("32") @Positive int httpConcurrencyLeast,
    @DefaultValue("600000") @Positive long ratePerMinute,
    @DefaultValue("30s") Duration lease,
    @DefaultValue("250ms") Duration pollInterval,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("10s") Duration readTimeout,
    @DefaultValue("500ms") Duration retryBackoff,
    @DefaultValue("5m") Duration maxBackoff,
    @DefaultValue("24h") Duration messageLifetime,
    @DefaultValue("2h") Duration emailFallbackAfter,
    @DefaultValue("18:00") LocalTime digestAt,
    @DefaultValue("500") @Positive int planChunk) {

    /** The fewest requests in flight cannot exceed the most; a bean getter, so that it is validated at binding. */
    @AssertTrue(message = "chorus.push.http-concurrency-least must not be above chorus.push.http-concurrency")
    public boolean isConcurrencyRangeOrdered() {
        return httpConcurrencyLeast <= httpConcurrency;
    }

    public boolean usesRealFcm() {
        return credentials != null && !credentials.isBlank();
    }

    public boolean embeddedStandIn() {
        return !usesRealFcm() && "embedded".equals(standInUrl);
    }
}
