package app.chorus.announcements.internal;

import java.util.Locale;

/**
 * One measured run: latency percentiles, throughput, and CPU spent per request by the api's JVM (load generator
 * excluded where it can be told apart) and by the load generator itself.
 */
record LoadResult(double p50, double p99, double rps, long errors, long count, double apiCpuMsPerRequest,
                  double clientCpuMsPerRequest) {

    String describe(String name) {
        return String.format(Locale.ROOT, "%s: %d requests, %.0f req/s, p50 %.2f ms, p99 %.2f ms, %d errors;"
            + " CPU per request: api %.3f ms, load generator %.3f ms", name, count, rps, p50, p99, errors,
            apiCpuMsPerRequest, clientCpuMsPerRequest);
    }
}
