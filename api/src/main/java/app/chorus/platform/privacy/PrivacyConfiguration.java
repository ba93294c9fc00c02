package app.chorus.platform.privacy;

import app.chorus.shared.SmallGroups;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The trust's {@link SmallGroups} policy from {@value SmallGroups#PROPERTY}: a value below 5 stops start-up. */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    @Bean
    SmallGroups smallGroups(@Value("${" + SmallGroups.PROPERTY + ":" + SmallGroups.FLOOR + "}") int minimum) {
        return new SmallGroups(minimum);
    }
}
