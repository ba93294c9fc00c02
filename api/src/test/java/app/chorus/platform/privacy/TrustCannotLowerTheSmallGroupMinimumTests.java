package app.chorus.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.shared.SmallGroups;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class TrustCannotLowerTheSmallGroupMinimumTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(PrivacyConfiguration.class);

    @Test
    void withoutTheSettingGroupsBelowFiveAreHidden() {
        context.run(started -> assertThat(started.getBean(SmallGroups.class).minimum()).isEqualTo(5));
    }

    @Test
    void aTrustMayRaiseTheMinimum() {
        context.withPropertyValues(SmallGroups.PROPERTY + "=10")
            .run(started -> assertThat(started.getBean(SmallGroups.class).hides(9)).isTrue());
    }

    @Test
    void aLowerMinimumStopsStartUpNamingTheSetting() {
        context.withPropertyValues(SmallGroups.PROPERTY + "=2").run(started -> assertThat(started.getStartupFailure())
            .isNotNull().rootCause().hasMessageContaining("chorus.privacy.smallest-group is 2"));
    }
}
