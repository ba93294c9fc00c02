package app.chorus.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

class ProductionRefusesToStartWithoutItsDatabaseAndMailServerTests {

    private static MockEnvironment production() {
        return new MockEnvironment().withProperty("chorus.environment", "production")
            .withProperty("spring.mongodb.uri", "mongodb://db-0,db-1,db-2/chorus?replicaSet=rs0")
            .withProperty("spring.mail.host", "smtp.trust.example");
    }

    @Test
    void anOperatorWhoForgotTheDatabaseIsToldToSetMongodbUri() {
        assertThatThrownBy(() -> ProductionSettings.check(production().withProperty("spring.mongodb.uri", "")))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("MONGODB_URI (spring.mongodb.uri) is not set")
            .hasMessageContaining("replicaSet=rs0")
            .hasMessageNotContaining("SPRING_MAIL_HOST");
    }

    @Test
    void anOperatorWhoForgotTheMailServerIsToldToSetTheSmtpHost() {
        MockEnvironment withoutMail = new MockEnvironment().withProperty("chorus.environment", "production")
            .withProperty("spring.mongodb.uri", "mongodb://db-0/chorus");
        assertThatThrownBy(() -> ProductionSettings.check(withoutMail))
            .hasMessageContaining("SPRING_MAIL_HOST (spring.mail.host) is not set")
            .hasMessageNotContaining("MONGODB_URI");
    }

    @Test
    void everyMissingSettingIsNamedAtOnce() {
        assertThatThrownBy(() -> ProductionSettings.check(new MockEnvironment().withProperty("chorus.environment", "production")))
            .hasMessageContaining("MONGODB_URI").hasMessageContaining("SPRING_MAIL_HOST");
    }

    @Test
    void theCheckRunsBeforeAnyBeanIsMade() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(ProductionSettings.class).web(WebApplicationType.NONE)
                .run("--chorus.environment=production", "--spring.main.banner-mode=off").close())
            .hasMessageContaining("MONGODB_URI");
    }

    @Test
    void aCompleteProductionSetUpAndADevelopersMachineStart() {
        assertThatCode(() -> ProductionSettings.check(production())).doesNotThrowAnyException();
        assertThatCode(() -> ProductionSettings.check(new MockEnvironment())).as("development: embedded store, no mail")
            .doesNotThrowAnyException();
    }
}
