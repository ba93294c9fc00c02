package app.chorus.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What an operator tunes at the edge: where the api is, how long to wait for it, how much a caller may
 * send and how often, and which app versions are still supported.
 *
 * @param issuerUri           the Keycloak realm whose tokens are accepted
 * @param audience            the audience a token must carry (the api's)
 * @param clockSkew           tolerance on token expiry
 * @param apiUrl              base URL of the api when {@code apiUrls} is not set
 * @param apiUrls             base URLs of the api instances the gateway balances across ({@code CHORUS_API_URLS},
 *                            comma-separated; ADR 0307); unset: {@code apiUrl} alone
 * @param apiTimeout          longest wait for one api answer before the caller gets 503
 * @param apiConnectTimeout   longest wait for a connection to the api
 * @param maxBodySize         largest request body accepted (413 above) on every route but uploads
 * @param uploadMaxBodySize   largest attachment upload ({@code /api/v1/announcements/{id}/attachments}): the api's own limit
 * @param rateLimits          per-user and per-device token buckets (defaults in application.yml)
 * @param minimumAppVersion   per platform ("ios", "android"): older apps get 426
 * @param homeAnnouncements   how many of the newest announcements the home screen carries
 * @param syncPages           most api delta pages one sync call gathers before answering with {@code more}
 * @param apiCoolOff          how long an api instance a call was lost on stays out of the round robin (ADR 0401)
 * @param apiLongestCoolOff   the cool-off doubles each time the instance fails again when back, up to this
 */
@ConfigurationProperties("chorus.gateway")
public record GatewayProperties(
    @DefaultValue("http://127.0.0.1:8180/realms/chorus") String issuerUri,
    @DefaultValue("chorus-api") String audience,
    @DefaultValue("30s") Duration clockSkew,
    @DefaultValue("http://127.0.0.1:8080") String apiUrl,
    List<URI> apiUrls,
    @DefaultValue("5s") Duration apiTimeout,
    @DefaultValue("1s") Duration apiConnectTimeout,
    @DefaultValue("256KB") DataSize maxBodySize,
    @DefaultValue("10MB") DataSize uploadMaxBodySize,
    RateLimits rateLimits,
    Map<String, SupportedApp> minimumAppVersion,
    @DefaultValue("30") int homeAnnouncements,
    @DefaultValue("20") int syncPages,
    @DefaultValue("3s") Duration apiCoolOff,
    @DefaultValue("30s") Duration apiLongestCoolOff) {

    public GatewayProperties {
        minimumAppVersion = minimumAppVersion == null ? Map.of() : Map.copyOf(minimumAppVersion);
        apiUrls = apiUrls == null || apiUrls.isEmpty() ? List.of(URI.create(apiUrl)) : List.copyOf(apiUrls);
    }

    /** Keycloak publishes a realm's signing keys here. */
    public String jwkSetUri() {
        return issuerUri + "/protocol/openid-connect/certs";
    }

    /** A bucket of {@code capacity} requests refilled evenly over {@code period}. */
    public record Limit(long capacity, Duration period) {
    }

    /**
     * Every request counts against {@code perUser} and {@code perDevice}; on top of those, whatever creates something
     * (a POST, or registering a device) against {@code perUserCreating}, and the expensive reads and writes (imports,
     * exports, results: {@code expensivePaths}, Ant patterns) against {@code perUserExpensive}. The buckets live in
     * the MongoDB at {@code storeUri} when it is set (shared by every replica), else in each instance's memory;
     * {@code storeTimeout} is the longest wait for the store before a request is let through.
     */
    public record RateLimits(Limit perUser, Limit perDevice, Limit perUserCreating, Limit perUserExpensive,
                             List<String> expensivePaths, String storeUri, @DefaultValue("500ms") Duration storeTimeout) {

        public RateLimits {
            expensivePaths = expensivePaths == null ? List.of() : List.copyOf(expensivePaths);
        }
    }

    /** The oldest version still served on one platform and where the user gets a newer one. */
    public record SupportedApp(String version, String updateUrl) {
    }
}
