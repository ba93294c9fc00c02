package app.chorus.gateway.edge;

import app.chorus.edge.ProblemException;
import app.chorus.edge.ProblemResponses;
import app.chorus.gateway.GatewayProperties;
import app.chorus.gateway.GatewayProperties.SupportedApp;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Turns away apps older than the minimum supported version of their platform with 426 and a message telling
 * the user to update. The version comes from {@code X-App-Version} + {@code X-App-Platform}, or from a
 * User-Agent like {@code Chorus/2.4.1 (iOS 17.2)}. Callers that say nothing (web, scripts) pass.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AppVersionGate implements WebFilter {

    static final String VERSION = "X-App-Version";
    static final String PLATFORM = "X-App-Platform";
    private static final Pattern USER_AGENT = Pattern.compile("Chorus(?:App)?/(\\d{1,6}(?:\\.\\d{1,6}){0,3})\\s*\\((iOS|iPadOS|Android)",
        Pattern.CASE_INSENSITIVE);

    private final GatewayProperties properties;
    private final ProblemResponses problems;

    AppVersionGate(GatewayProperties properties, ProblemResponses problems) {
        this.properties = properties;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (!path.startsWith("/api/") && !path.startsWith("/mobile/")) {
            return chain.filter(exchange);
        }
        AppRelease release = AppRelease.of(exchange.getRequest().getHeaders());
        if (release == null) {
            return chain.filter(exchange);
        }
        SupportedApp minimum = properties.minimumAppVersion().get(release.platform());
        if (minimum == null || AppRelease.compare(release.version(), minimum.version()) >= 0) {
            return chain.filter(exchange);
        }
        return problems.write(exchange, tooOld(release, minimum));
    }

    private static ProblemException tooOld(AppRelease release, SupportedApp minimum) {
        ProblemException problem = new ProblemException(426, "app-update-required", "Please update the Chorus app",
            "This version of the Chorus app (" + release.version() + ") is no longer supported. Update the app from "
                + (release.platform().equals("ios") ? "the App Store" : "Google Play") + " to keep receiving messages from school.")
            .with("platform", release.platform())
            .with("appVersion", release.version())
            .with("minimumVersion", minimum.version());
        if (minimum.updateUrl() != null) {
            problem.with("updateUrl", minimum.updateUrl());
        }
        return problem;
    }

    /** A platform ("ios" or "android") and a dotted version. */
    record AppRelease(String platform, String version) {

        static AppRelease of(HttpHeaders headers) {
            String version = headers.getFirst(VERSION);
            String platform = headers.getFirst(PLATFORM);
            if (version != null && platform != null && version.matches("\\d{1,6}(\\.\\d{1,6}){0,3}")) {
                return new AppRelease(normalise(platform), version);
            }
            String agent = headers.getFirst(HttpHeaders.USER_AGENT);
            Matcher matcher = agent == null ? null : USER_AGENT.matcher(agent);
            return matcher != null && matcher.find() ? new AppRelease(normalise(matcher.group(2)), matcher.group(1)) : null;
        }

        private static String normalise(String platform) {
            String lower = platform.toLowerCase(Locale.ROOT);
            return lower.equals("ipados") ? "ios" : lower;
        }

        static int compare(String left, String right) {
            String[] a = left.split("\\.");
            String[] b = right.split("\\.");
            for (int i = 0; i < Math.max(a.length, b.length); i++) {
                int difference = Long.compare(part(a, i), part(b, i));
                if (difference != 0) {
                    return difference;
                }
            }
            return 0;
        }

        private static long part(String[] parts, int index) {
            return index < parts.length ? Long.parseLong(parts[index]) : 0;
        }
    }
}
