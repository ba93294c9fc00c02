package app.chorus.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/**
 * The whole api on a random port, on the embedded store (random port, fresh temp data dir per context),
 * validating real tokens from the Keycloak that {@code ./chorus test} runs, with a small seeded demo trust
 * (3 schools, 120 pupils; the demo logins are people of it). Tests with the same extra properties share
 * one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "chorus.store.port=0",
    "chorus.store.data-dir=${java.io.tmpdir}/chorus-test-store/${random.uuid}",
    "chorus.identity.issuer-uri=${chorus.keycloak.url:http://127.0.0.1:8180}/realms/chorus",
    "chorus.identity.clock-skew=1s",
    "chorus.demo.seed-on-first-start=true",
    "chorus.demo.schools=3",
    "chorus.demo.pupils=120"
})
@AutoConfigureWebTestClient(timeout = "60s")
public @interface ApiTest {
}
