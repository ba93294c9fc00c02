package app.chorus.gateway.testing;

import app.chorus.testing.Tokens;
import app.chorus.ChorusApplication;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * The real api ({@link ChorusApplication}), started in this JVM on a random port with its embedded store on
 * a random port and a fresh data dir, validating real Keycloak tokens, seeded with a demo trust. One per JVM
 * (per seed size), stopped when the JVM exits.
 */
public final class RunningApi {

    private static final Map<String, ConfigurableApplicationContext> running = new LinkedHashMap<>();

    private RunningApi() {
    }

    /** The api with the test trust (3 schools, 120 pupils) that the demo logins belong to. */
    public static String url() {
        return url(3, 120);
    }

    public static synchronized String url(int schools, int pupils) {
        ConfigurableApplicationContext api = running.computeIfAbsent(schools + "/" + pupils, key -> start(schools, pupils));
        return "http://127.0.0.1:" + ((WebServerApplicationContext) api).getWebServer().getPort();
    }

    private static ConfigurableApplicationContext start(int schools, int pupils) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.config.location", apiConfiguration().toUri().toString());
        properties.put("server.port", 0);
        properties.put("server.address", "127.0.0.1");
        properties.put("chorus.store.port", 0);
        properties.put("chorus.store.data-dir", tempDir("chorus-gateway-test-store").toString());
        properties.put("chorus.identity.issuer-uri", Tokens.keycloakUrl() + "/realms/chorus");
        properties.put("chorus.identity.clock-skew", "1s");
        properties.put("chorus.demo.seed-on-first-start", true);
        properties.put("chorus.demo.schools", schools);
        properties.put("chorus.demo.pupils", pupils);
        // the gateway's libraries are on this classpath too: keep them out of the api
        properties.put("spring.cloud.gateway.server.webflux.enabled", false);
        properties.put("logging.level.app.chorus.access", "WARN");
        // as command-line arguments: they must win over the api's application.yml (builder properties would not)
        String[] arguments = properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
            .toArray(String[]::new);
        ConfigurableApplicationContext api = new SpringApplicationBuilder(ChorusApplication.class)
            .web(WebApplicationType.REACTIVE)
            .initializers(context -> context.getBeanFactory().registerSingleton("keepGatewayOutOfApi", new KeepGatewayOut()))
            .run(arguments);
        Runtime.getRuntime().addShutdownHook(new Thread(api::close, "api-shutdown"));
        return api;
    }

    /** The api's own application.yml, copied out so the gateway's file of the same name does not shadow it. */
    private static Path apiConfiguration() {
        URL location = ChorusApplication.class.getProtectionDomain().getCodeSource().getLocation();
        String base = location.toString();
        String yaml = base.endsWith(".jar") ? "jar:" + base + "!/application.yml" : base + "application.yml";
        try (InputStream in = new URL(yaml).openStream()) {
            Path copy = Files.createTempFile("chorus-api-", ".yml");
            Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            copy.toFile().deleteOnExit();
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the api's application.yml at " + yaml, e);
        }
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The api scans all of {@code app.chorus}: the gateway's classes on this classpath must not join it. */
    static final class KeepGatewayOut extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getClassMetadata().getClassName().startsWith("app.chorus.gateway.");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof KeepGatewayOut;
        }

        @Override
        public int hashCode() {
            return KeepGatewayOut.class.hashCode();
        }
    }
}
