package app.chorus.notifications.internal.push;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.apache.v2.ApacheHttpTransport;
import java.net.URI;
import org.apache.http.HttpHost;
import org.apache.http.conn.routing.HttpRoute;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/**
 * The SDK's seam for talking to the stand-in: an HTTP transport whose every route leads to the stand-in,
 * whatever host the SDK addresses (fcm.googleapis.com). Requests keep their real path and body.
 */
public final class StandInTransport {

    private StandInTransport() {
    }

    public static HttpTransport to(String standInUrl, int maxConnections) {
        URI uri = URI.create(standInUrl);
        HttpHost standIn = new HttpHost(uri.getHost(), uri.getPort(), uri.getScheme());
        PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager();
        connections.setMaxTotal(maxConnections);
        connections.setDefaultMaxPerRoute(maxConnections);
        return new ApacheHttpTransport(HttpClientBuilder.create()
            .setConnectionManager(connections)
            .setRoutePlanner((target, request, context) -> new HttpRoute(standIn))
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .useSystemProperties()
            .build());
    }
}
