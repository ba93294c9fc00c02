package app.chorus.gateway.api;

import app.chorus.gateway.GatewayProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.CompletionContext;
import org.springframework.cloud.client.loadbalancer.LoadBalancerLifecycle;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/**
 * Passive outlier ejection (ADR 0401). The load balancer tells every call's outcome (as a {@link LoadBalancerLifecycle},
 * from the gateway's route and from {@link ApiClient} alike): an instance a call was lost on ({@link ApiCallFailure}
 * NEVER_SENT or LOST_IN_FLIGHT) leaves the round robin at once for the cool-off, then takes calls again; failing again
 * doubles its cool-off, up to the longest, and an answer ends the doubling. The instances out are left out of the list
 * the balancer picks from ({@link InRotation}); when every instance is out, every one is offered, so ejection alone
 * never refuses a call.
 */
final class EjectedInstances implements LoadBalancerLifecycle<Object, Object, ServiceInstance> {

    private static final Logger log = LoggerFactory.getLogger(EjectedInstances.class);

    private final Duration coolOff;
    private final Duration longestCoolOff;
    private final Duration heldCallsTimeOutWithin;
    private final int instances;
    private final Clock clock;
    private final Map<String, Ejection> ejections = new ConcurrentHashMap<>();

    /** {@code died}: when it went out first, before the trials it failed since. */
    private record Ejection(Instant died, Instant since, Instant until, Duration coolOff) {

        boolean out(Instant now) {
            return until.isAfter(now);
        }
    }

    EjectedInstances(GatewayProperties properties, Clock clock) {
        this.coolOff = properties.apiCoolOff();
        this.longestCoolOff = properties.apiLongestCoolOff();
        // a call the dead instance held started before its death was noticed, and a repeat of it started when the
        // loss was read: either runs out of the api timeout by one api timeout after the death. The second is room
        // for a loaded machine handling that timeout late (with one, a repeat's timeout landed just past it; ADR 0401)
        this.heldCallsTimeOutWithin = properties.apiTimeout().multipliedBy(2);
        this.instances = properties.apiUrls().size();
        this.clock = clock;
    }

    @Override
    public void onStart(Request<Object> request) {
    }

    @Override
    public void onStartRequest(Request<Object> request, Response<ServiceInstance> lbResponse) {
    }

    @Override
    public void onComplete(CompletionContext<Object, ServiceInstance, Object> outcome) {
        Response<ServiceInstance> picked = outcome.getLoadBalancerResponse();
        if (picked == null || !picked.hasServer()) {
            return;
        }
        switch (outcome.status()) {
            case FAILED -> failed(picked.getServer(), outcome.getThrowable());
            case SUCCESS -> answered(picked.getServer());
            default -> {
                // DISCARD: no instance was there to pick
            }
        }
    }

    /**
     * True for a failure that is an ejected instance's, not the api's, while another instance is in the round robin
     * (the breaker ignores it): a call lost on it, or a call that timed out within twice the api timeout of an
     * instance's death, which it may have held until then (its repeat elsewhere came too late).
     */
    boolean failureOfAnInstanceOut(Throwable failure) {
        boolean lost = ApiCallFailure.of(failure) != ApiCallFailure.NOT_A_LOST_CALL;
        if (!lost && !ApiCallFailure.timedOut(failure) || ejections.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        if (ejections.values().stream().filter(ejection -> ejection.out(now)).count() == instances) {
            return false;
        }
        return lost || ejections.values().stream()
            .anyMatch(ejection -> now.isBefore(ejection.died().plus(heldCallsTimeOutWithin)));
    }

    private void failed(ServiceInstance instance, Throwable failure) {
        if (failure == null || ApiCallFailure.of(failure) == ApiCallFailure.NOT_A_LOST_CALL) {
            return;
        }
        Instant now = clock.instant();
        Ejection ejection = ejections.compute(instance.getInstanceId(), (id, last) -> {
            if (last != null && last.out(now)) {
                // the other calls it had in flight, failing with it
                return last;
            }
            boolean failedItsTrial = last != null && !now.isAfter(last.until().plus(longestCoolOff));
            return failedItsTrial
                ? ejection(last.died(), now, min(last.coolOff().multipliedBy(2), longestCoolOff))
                : ejection(now, now, coolOff);
        });
        if (ejection.since().equals(now)) {
            log.warn("api instance {} ({}:{}) out of the round robin for {}: {}", instance.getInstanceId(),
                instance.getHost(), instance.getPort(), ejection.coolOff(), failure.toString());
        }
    }

    private void answered(ServiceInstance instance) {
        Instant now = clock.instant();
        // an answer to a call sent before the ejection does not bring the instance back early
        ejections.computeIfPresent(instance.getInstanceId(), (id, ejection) -> ejection.out(now) ? ejection : null);
    }

    private List<ServiceInstance> inRotation(List<ServiceInstance> all) {
        if (ejections.isEmpty()) {
            return all;
        }
        Instant now = clock.instant();
        List<ServiceInstance> in = all.stream()
            .filter(instance -> {
                Ejection ejection = ejections.get(instance.getInstanceId());
                return ejection == null || !ejection.out(now);
            })
            .toList();
        return in.isEmpty() ? all : in;
    }

    private static Ejection ejection(Instant died, Instant now, Duration coolOff) {
        return new Ejection(died, now, now.plus(coolOff), coolOff);
    }

    private static Duration min(Duration one, Duration other) {
        return one.compareTo(other) <= 0 ? one : other;
    }

    /** The listed instances less those out, read again for every pick (as LoadBalancer's health-check supplier filters). */
    static final class InRotation extends DelegatingServiceInstanceListSupplier {

        private final EjectedInstances ejected;

        InRotation(ServiceInstanceListSupplier listed, EjectedInstances ejected) {
            super(listed);
            this.ejected = ejected;
        }

        @Override
        public Flux<List<ServiceInstance>> get() {
            return delegate.get().map(ejected::inRotation);
        }
    }
}
