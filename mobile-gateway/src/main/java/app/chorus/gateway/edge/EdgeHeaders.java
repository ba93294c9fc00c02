package app.chorus.gateway.edge;

import java.net.URI;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.header.StaticServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;

/**
 * Security headers on every answer of the gateway, which also serves the web client: HSTS always (TLS ends in front
 * of the gateway, so the request it sees is plain HTTP and Spring's own HSTS writer would stay silent), no MIME
 * sniffing, no framing by other sites (the web client's silent sign-in renewal frames its own page), and a
 * Content-Security-Policy that allows scripts only from the gateway itself (no inline script) and talks only to
 * itself and the Keycloak realm (ADR 0190).
 */
final class EdgeHeaders {

    static final String HSTS = "max-age=31536000; includeSubDomains";

    private EdgeHeaders() {
    }

    static void secure(ServerHttpSecurity.HeaderSpec headers, String issuerUri) {
        headers
            .hsts(ServerHttpSecurity.HeaderSpec.HstsSpec::disable)
            .writer(StaticServerHttpHeadersWriter.builder().header("Strict-Transport-Security", HSTS).build())
            .contentTypeOptions(options -> { })
            .frameOptions(frames -> frames.mode(XFrameOptionsServerHttpHeadersWriter.Mode.SAMEORIGIN))
            .contentSecurityPolicy(csp -> csp.policyDirectives(policy(issuerUri)));
    }

    static String policy(String issuerUri) {
        String keycloak = origin(issuerUri);
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
            + "connect-src 'self' " + keycloak + "; frame-src 'self' " + keycloak + "; form-action 'self' " + keycloak + "; "
            + "object-src 'none'; base-uri 'self'; frame-ancestors 'self'";
    }

    private static String origin(String uri) {
        URI parsed = URI.create(uri);
        return parsed.getScheme() + "://" + parsed.getAuthority();
    }
}
