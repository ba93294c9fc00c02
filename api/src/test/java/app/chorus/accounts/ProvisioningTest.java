package app.chorus.accounts;

import app.chorus.testing.ApiTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.TestPropertySource;

/** An api test with account provisioning on, against a realm of its own in the real Keycloak made for the class. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApiTest
@TestPropertySource(properties = {
    "chorus.identity.provisioning.enabled=true",
    "chorus.identity.provisioning.realm=" + TestRealm.PROPERTY_VALUE,
    "chorus.identity.provisioning.batch-size=50"
})
@ExtendWith(TestRealm.ForTheClass.class)
@interface ProvisioningTest {
}
