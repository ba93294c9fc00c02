package app.chorus.platform;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * A production start ({@code chorus.environment=production}) stops before any bean is made when a setting it cannot
 * run without is missing, naming each one: without {@code MONGODB_URI} the api would start its embedded development
 * store, and without an SMTP host the email fallback of important messages would record every mail as failed.
 * (Firebase credentials and {@code CHORUS_HMAC_KEY} are refused where they are used: the push channel, DeploymentSecrets.)
 */
@Component
class ProductionSettings implements BeanFactoryPostProcessor, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        check(environment);
    }

    static void check(Environment environment) {
        if (!"production".equalsIgnoreCase(environment.getProperty("chorus.environment", "development"))) {
            return;
        }
        List<String> missing = new ArrayList<>();
        if (blank(environment, "spring.mongodb.uri")) {
            missing.add("MONGODB_URI (spring.mongodb.uri) is not set: point it at the MongoDB replica set, e.g. "
                + "mongodb://user:password@db-0,db-1,db-2/chorus?replicaSet=rs0 (production never uses the embedded store)");
        }
        if (blank(environment, "spring.mail.host")) {
            missing.add("SPRING_MAIL_HOST (spring.mail.host) is not set: name the SMTP server that sends the email "
                + "fallback of important messages (with SPRING_MAIL_PORT, SPRING_MAIL_USERNAME, SPRING_MAIL_PASSWORD)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Production refuses to start: " + String.join("; ", missing)
                + ". Set them (docs/operations.md lists every setting) and restart.");
        }
    }

    private static boolean blank(Environment environment, String key) {
        String value = environment.getProperty(key);
        return value == null || value.isBlank();
    }
}
