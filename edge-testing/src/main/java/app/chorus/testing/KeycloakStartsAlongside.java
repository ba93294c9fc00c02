package app.chorus.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Lets the build compile while Keycloak starts: {@code ./chorus test} starts Keycloak next to Maven and passes
 * {@code -Dchorus.keycloak.wait=SECONDS}; every test JVM that has these helpers then waits, before its first test,
 * until the realm answers. Without the property nothing waits (a targeted run expects Keycloak to be up already).
 */
public final class KeycloakStartsAlongside implements LauncherSessionListener {

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static volatile boolean ready;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String seconds = System.getProperty("chorus.keycloak.wait", "");
        if (ready || seconds.isBlank()) {
            return;
        }
        URI realm = URI.create(Tokens.keycloakUrl() + "/realms/chorus/.well-known/openid-configuration");
        if (!answers(realm)) {
            System.err.println("[tests] waiting for Keycloak at " + realm + " (up to " + seconds + " s) ...");
            try {
                await("Keycloak's realm chorus").atMost(Duration.ofSeconds(Long.parseLong(seconds.trim())))
                    .pollInterval(Duration.ofSeconds(1)).until(() -> answers(realm));
            } catch (ConditionTimeoutException e) {
                throw new IllegalStateException("Keycloak did not answer at " + realm + " within " + seconds
                    + " s: see its log in .chorus/logs/keycloak.log", e);
            }
        }
        ready = true;
    }

    private static boolean answers(URI realm) {
        HttpRequest request = HttpRequest.newBuilder(realm).timeout(Duration.ofSeconds(3)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
