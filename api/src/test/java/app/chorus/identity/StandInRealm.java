package app.chorus.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for the realm's key endpoint on a loopback port kept across its outages, which a test can take down (nothing listening),
 * hang (accepts connections, never answers) and bring back, and which signs tokens as Keycloak does (the claims the
 * api reads). The real Keycloak the other tests use is never stopped.
 */
final class StandInRealm implements AutoCloseable {

    private final int port;
    private final List<RSAKey> keys = new CopyOnWriteArrayList<>();
    private final ExecutorService handlers = Executors.newCachedThreadPool(daemon -> {
        Thread thread = new Thread(daemon, "stand-in-realm");
        thread.setDaemon(true);
        return thread;
    });
    private HttpServer server;
    private volatile CountDownLatch hanging = new CountDownLatch(0);

    StandInRealm(int port) {
        this.port = port;
        keys.add(newKey());
    }

    String issuer() {
        return "http://127.0.0.1:" + port + "/realms/chorus";
    }

    /** Serves the keys (every key made so far). */
    synchronized void up() {
        hanging.countDown();
        listen();
    }

    private void listen() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(handlers);
        server.createContext("/realms/chorus/protocol/openid-connect/certs", exchange -> {
            try {
                hanging.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = new JWKSet(List.copyOf(keys.stream().map(RSAKey::toPublicJWK).toList())).toString()
                .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** Nothing listens any more: connections are refused. */
    synchronized void down() {
        hanging.countDown();
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Accepts connections and never answers (until up or down): a Keycloak stuck in a pause. */
    synchronized void hang() {
        hanging = new CountDownLatch(1);
        listen();
    }

    /** The realm rotates its keys: tokens signed from now on carry a key id the api has not seen. */
    void rotate() {
        keys.add(newKey());
    }

    /** An access token of this person as Keycloak issues it, signed with the newest key. */
    String token(String username, String personId, String... roles) {
        RSAKey key = keys.get(keys.size() - 1);
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer()).audience("chorus-api").subject("sub-" + username)
            .jwtID(UUID.randomUUID().toString()).claim("preferred_username", username).claim("roles", List.of(roles))
            .claim("sourced_id", personId).issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(3600)))
            .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        down();
        handlers.shutdownNow();
    }
}
