package app.chorus.gateway.api;

import app.chorus.gateway.GatewayProperties;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClient;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.ServiceInstanceListSuppliers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The api instances behind {@code lb://}{@value #SERVICE}: the fixed list of {@code chorus.gateway.api-urls}, taken
 * in turn (Spring Cloud LoadBalancer's round robin). In Kubernetes the list is the one Service address and the
 * cluster balances; on one machine it names every instance (ADR 0307). An instance a call was lost on is left out of
 * the turns for a while ({@link EjectedInstances}, ADR 0401).
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClient(name = ApiInstances.SERVICE, configuration = ApiInstances.Listed.class)
public class ApiInstances {

    public static final String SERVICE = "chorus-api";

    /**
     * Retries a failed call gets: twice the instances (concurrent calls share the round robin, so a call's next pick
     * can be the dead instance again; each such pick costs a refused connection), none with a single instance.
     */
    static int retries(GatewayProperties properties) {
        int instances = properties.apiUrls().size();
        return instances == 1 ? 0 : 2 * instances;
    }

    /** Fed by the balancer's outcomes, read by the balancer's list and by {@link ApiBreaker}. */
    @Bean
    EjectedInstances ejectedApiInstances(GatewayProperties properties, ObjectProvider<Clock> clock) {
        return new EjectedInstances(properties, clock.getIfUnique(Clock::systemUTC));
    }

    /** Registered in the load balancer's own context for {@value #SERVICE}, not scanned. */
    static class Listed {

        @Bean
        ServiceInstanceListSupplier apiInstanceList(GatewayProperties properties, EjectedInstances ejected) {
            List<URI> urls = properties.apiUrls();
            ServiceInstance[] instances = IntStream.range(0, urls.size())
                .mapToObj(i -> instance(i + 1, urls.get(i)))
                .toArray(ServiceInstance[]::new);
            return new EjectedInstances.InRotation(ServiceInstanceListSuppliers.from(SERVICE, instances), ejected);
        }

        private static ServiceInstance instance(int number, URI url) {
            boolean secure = "https".equalsIgnoreCase(url.getScheme());
            int port = url.getPort() >= 0 ? url.getPort() : secure ? 443 : 80;
            return new DefaultServiceInstance(SERVICE + "-" + number, SERVICE, url.getHost(), port, secure);
        }
    }
}
