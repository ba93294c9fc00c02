package app.chorus.gateway.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the gateway under test at the in-process api (started on first use). */
public class RunningApiInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("chorus.gateway.api-url=" + RunningApi.url()).applyTo(context);
    }
}
