package app.chorus.gateway.edge;

import app.chorus.edge.ProblemException;
import app.chorus.edge.ProblemResponses;
import app.chorus.gateway.GatewayProperties;
import app.chorus.gateway.GatewayProperties.Limit;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import java.security.Principal;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.AntPathMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Per-user (token subject) and per-device ({@code X-Device-Id}) token buckets, and two tighter per-user buckets for
 * creating things (one account cannot register hundreds of devices or flood a moderation queue) and for expensive work
 * (imports, exports, results). Runs after authentication, so the user is the verified one. Over the limit: 429 problem with {@code Retry-After} in whole seconds.
 * Buckets live in the {@link BucketStore}: shared by the replicas in MongoDB when one is configured, else in this
 * instance's memory. When the shared store does not answer in time the request is let through (logged): a slow
 * database must not take the whole edge down with it.
 */
@Component
class RateLimits implements WebFilter, org.springframework.core.Ordered {

    static final String DEVICE = "X-Device-Id";
    /** After Spring Security's WebFilterChainProxy (order -100). */
    static final int ORDER = 0;

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);
    private static final long WARN_EVERY_NANOS = 10_000_000_000L;

    private final AsyncProxyManager<String> buckets;
    private final BucketConfiguration perUser;
    private final BucketConfiguration perDevice;
    private final BucketConfiguration perUserCreating;
    private final BucketConfiguration perUserExpensive;
    private final List<String> expensivePaths;
    private final AntPathMatcher paths = new AntPathMatcher();
    private final ProblemResponses problems;
    private final AtomicLong lastWarned = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    RateLimits(GatewayProperties properties, ProblemResponses problems, BucketStore store) {
        GatewayProperties.RateLimits limits = properties.rateLimits();
        this.perUser = configuration(limits.perUser());
        this.perDevice = configuration(limits.perDevice());
        this.perUserCreating = configuration(limits.perUserCreating());
        this.perUserExpensive = configuration(limits.perUserExpensive());
        this.expensivePaths = limits.expensivePaths();
        this.problems = problems;
        this.buckets = store.buckets();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (!path.startsWith("/api/") && !path.startsWith("/mobile/")) {
            return chain.filter(exchange);
        }
        String device = exchange.getRequest().getHeaders().getFirst(DEVICE);
        Mono<ConsumptionProbe> deviceProbe = device == null || device.isBlank()
            ? Mono.just(ConsumptionProbe.consumed(1, 0))
            : consume("device:" + device, perDevice);
        return deviceProbe.flatMap(byDevice -> byDevice.isConsumed()
            ? exchange.getPrincipal()
                .map(Principal::getName)
                .flatMap(user -> byUser(exchange.getRequest(), path, user))
                .defaultIfEmpty(byDevice)
            : Mono.just(byDevice))
            .flatMap(probe -> probe.isConsumed() ? chain.filter(exchange) : problems.write(exchange, tooMany(probe)));
    }

    /** The user's general bucket, then the one for creating things or for expensive work where the request is one. */
    private Mono<ConsumptionProbe> byUser(ServerHttpRequest request, String path, String user) {
        Mono<ConsumptionProbe> probe = consume("user:" + user, perUser);
        if (creates(request, path)) {
            probe = then(probe, () -> consume("creating:" + user, perUserCreating));
        }
        if (expensivePaths.stream().anyMatch(pattern -> paths.match(pattern, path))) {
            probe = then(probe, () -> consume("expensive:" + user, perUserExpensive));
        }
        return probe;
    }

    private static Mono<ConsumptionProbe> then(Mono<ConsumptionProbe> first, Supplier<Mono<ConsumptionProbe>> next) {
        return first.flatMap(probe -> probe.isConsumed() ? next.get() : Mono.just(probe));
    }

    /** A POST creates; so does registering a device (a PUT to an installation id the caller chooses). */
    private static boolean creates(ServerHttpRequest request, String path) {
        HttpMethod method = request.getMethod();
        return HttpMethod.POST.equals(method)
            || HttpMethod.PUT.equals(method) && (path.startsWith("/mobile/v1/devices/") || path.startsWith("/api/v1/devices/"));
    }

    private Mono<ConsumptionProbe> consume(String key, BucketConfiguration configuration) {
        return Mono.fromFuture(() -> buckets.builder().build(key, configuration).tryConsumeAndReturnRemaining(1))
            .onErrorResume(failure -> {
                warnAtMostEvery10s(failure);
                return Mono.just(ConsumptionProbe.consumed(1, 0));
            });
    }

    /** One line per 10 s while the store fails, not one per request. */
    private void warnAtMostEvery10s(Throwable failure) {
        long last = lastWarned.get();
        long now = System.nanoTime();
        if (now - last >= WARN_EVERY_NANOS && lastWarned.compareAndSet(last, now)) {
            log.warn("Rate-limit store failed: requests let through unlimited until it answers ({})", failure.toString());
        }
    }

    private static ProblemException tooMany(ConsumptionProbe probe) {
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return new ProblemException(429, "rate-limited", "Too many requests",
            "This app or account is sending requests faster than Chorus allows. Wait " + seconds + " s and try again.")
            .with("retryAfterSeconds", seconds)
            .header("Retry-After", Long.toString(seconds));
    }

    private static BucketConfiguration configuration(Limit limit) {
        return BucketConfiguration.builder()
            .addLimit(bandwidth -> bandwidth.capacity(limit.capacity()).refillIntervally(limit.capacity(), limit.period()))
            .build();
    }
}
