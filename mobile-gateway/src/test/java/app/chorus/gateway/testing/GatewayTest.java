package app.chorus.gateway.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * The gateway on a random port in front of the real api ({@link RunningApi}, same JVM, its own random port),
 * validating real Keycloak tokens. Tests with the same extra properties share one gateway context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    GatewayTest.ISSUER,
    "chorus.gateway.clock-skew=1s",
    "chorus.gateway.rate-limits.per-user.capacity=10000",
    "chorus.gateway.rate-limits.per-device.capacity=10000",
    "chorus.gateway.rate-limits.per-user-creating.capacity=10000",
    "chorus.gateway.rate-limits.per-user-expensive.capacity=10000",
    GatewayTest.NO_STORE
})
@ContextConfiguration(initializers = RunningApiInitializer.class)
@AutoConfigureWebTestClient(timeout = "30s")
public @interface GatewayTest {

    String ISSUER = "chorus.gateway.issuer-uri=${chorus.keycloak.url:http://127.0.0.1:8180}/realms/chorus";

    /** The api's store libraries are on the test classpath; the gateway has no store. */
    String NO_STORE = "spring.autoconfigure.exclude="
        + "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration,"
        + "org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration,"
        + "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration,"
        + "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration,"
        + "org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration,"
        + "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveRepositoriesAutoConfiguration";
}
