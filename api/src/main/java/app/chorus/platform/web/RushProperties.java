package app.chorus.platform.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The writes a whole community sends at once while others read the live figures (ballots beside the live results,
 * supports beside the ideas list) and how many of them an api instance works on together (ADR 0406). None by default:
 * on two quiet cores the limit cost a quarter of the ballots per second for its quicker reads; an operator who wants
 * the reads first lists the writes, e.g. {@code POST /api/v1/decisions/{decisionId}/ballots}.
 *
 * @param concurrency writes worked on at once; the rest wait their turn without using the CPU
 * @param maxWaiting  writes that may wait; one more is answered 503 with {@code Retry-After}
 * @param writes      the writes, as {@code METHOD path-pattern}
 */
@ConfigurationProperties("chorus.web.rush")
public record RushProperties(
    @DefaultValue("16") int concurrency,
    @DefaultValue("2000") int maxWaiting,
    @DefaultValue List<String> writes) {
}
