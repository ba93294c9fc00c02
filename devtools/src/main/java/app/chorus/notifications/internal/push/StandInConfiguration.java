package app.chorus.notifications.internal.push;

import app.chorus.notifications.standin.FcmStandIn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** With no Firebase credentials and {@code chorus.push.stand-in-url=embedded}, the stand-in runs in this JVM. */
@Configuration(proxyBeanMethods = false)
class StandInConfiguration {

    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedStandIn.class)
    FcmStandIn fcmStandIn() {
        return FcmStandIn.start();
    }

    @Bean
    @Conditional(EmbeddedStandIn.class)
    EmbeddedFcm embeddedFcm(FcmStandIn standIn) {
        return standIn::url;
    }

    static final class EmbeddedStandIn implements Condition {
        @Override
        public boolean matches(org.springframework.context.annotation.ConditionContext context,
                               org.springframework.core.type.AnnotatedTypeMetadata metadata) {
            String credentials = context.getEnvironment().getProperty("chorus.push.credentials", "");
            String url = context.getEnvironment().getProperty("chorus.push.stand-in-url", "embedded");
            return credentials.isBlank() && "embedded".equals(url);
        }
    }
}
