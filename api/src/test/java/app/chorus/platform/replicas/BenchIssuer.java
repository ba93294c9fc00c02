package app.chorus.platform.replicas;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * The benchmark's own identity provider: publishes one signing key where the api and the gateways look for a realm's
 * keys ({@code ISSUER/protocol/openid-connect/certs}) and signs carer tokens for any person, so thousands of carers
 * can answer without thousands of Keycloak sign-ins (those would measure Keycloak).
 */
final class BenchIssuer implements AutoCloseable {

    private final RSAKey key;
    private final DisposableServer server;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final LoopResources loops = LoopResources.create("bench-issuer", 1, true);

    BenchIssuer(int port) {
        try {
            key = new RSAKeyGenerator(2048).keyID("bench").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        String keys = new JWKSet(key.toPublicJWK()).toString();
        // its own event loops: the load's client must not hold up the keys the api and the gateways fetch
        server = HttpServer.create().runOn(loops).host("127.0.0.1").port(port)
            .route(routes -> routes.get("/realms/bench/protocol/openid-connect/certs",
                (request, response) -> response.header("Content-Type", "application/json").sendString(Mono.just(keys))))
            .bindNow();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.port() + "/realms/bench";
    }

    /** Signs the tokens of these people now, so that signing is not timed with the load. */
    void signAhead(List<String> personIds) {
        personIds.parallelStream().forEach(this::carer);
    }

    /** A carer's bearer token (one per person, valid for two hours). */
    String carer(String personId) {
        return tokens.computeIfAbsent(personId, this::sign);
    }

    private String sign(String personId) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer()).audience("chorus-api").subject("kc-" + personId)
            .claim("preferred_username", personId).claim("sourced_id", personId).claim("roles", List.of("carer"))
            .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(7_200))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return "Bearer " + jwt.serialize();
    }

    @Override
    public void close() {
        server.disposeNow();
        loops.dispose();
    }
}
