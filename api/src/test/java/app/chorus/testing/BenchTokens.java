package app.chorus.testing;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens for benchmarks' tens of thousands of carers, who have no Keycloak login: signed with a key of its own whose
 * JWK set it serves on a local port, so the api verifies them exactly as it verifies Keycloak's (signature, issuer,
 * audience, expiry) through {@code chorus.identity.jwk-set-uri}.
 */
public final class BenchTokens implements AutoCloseable {

    private final RSAKey key;
    private final RSASSASigner signer;
    private final HttpServer server;
    private final String issuer;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public BenchTokens(int port) throws Exception {
        key = new RSAKeyGenerator(2048).keyID("bench").generate();
        signer = new RSASSASigner(key);
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/certs", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
        issuer = "http://127.0.0.1:" + port + "/realms/bench";
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/certs";
    }

    /** A carer's bearer token, valid for an hour (one per carer, made once). */
    public String bearer(String personId) {
        return "Bearer " + tokens.computeIfAbsent(personId, this::sign);
    }

    /**
     * Signs every one of these carers' tokens now, on all cores: the people a benchmark times are already signed in, and
     * signing (an RSA private-key operation) inside the timed loop would run on the event loops the api shares.
     */
    public void signIn(Collection<String> personIds) {
        personIds.parallelStream().distinct().forEach(this::bearer);
    }

    private String sign(String personId) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("bench-" + personId).issuer(issuer)
                .audience("chorus-api").claim("preferred_username", personId).claim("sourced_id", personId)
                .claim("roles", List.of("carer")).issueTime(new Date())
                .expirationTime(new Date(System.currentTimeMillis() + 3_600_000)).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
