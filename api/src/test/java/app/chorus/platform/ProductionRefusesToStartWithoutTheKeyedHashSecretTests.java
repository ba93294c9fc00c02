package app.chorus.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductionRefusesToStartWithoutTheKeyedHashSecretTests {

    @TempDir
    Path dir;

    @Test
    void anOperatorWhoForgotTheSecretIsToldWhatToSet() {
        assertThatThrownBy(() -> new DeploymentSecrets("", "production", dir))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("CHORUS_HMAC_KEY is not set").hasMessageContaining("openssl rand");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new DeploymentSecrets("too-short", "production", dir))
            .hasMessageContaining("shorter than 32 characters");
    }

    @Test
    void aDeveloperGetsOneKeyMadeOnceOutsideTheStore() throws Exception {
        byte[] first = new DeploymentSecrets("", "development", dir).secret(null, "unit-hmac").block();
        byte[] again = new DeploymentSecrets("", "development", dir).secret(null, "unit-hmac").block();

        assertThat(Files.readString(dir.resolve("hmac.key"))).isNotBlank();
        assertThat(again).as("the same after a restart: marks made before still match").isEqualTo(first);
    }

    @Test
    void eachPurposeHasItsOwnKeyAndAConfiguredOneWins() {
        DeploymentSecrets secrets = new DeploymentSecrets("x".repeat(48), "production", dir);
        assertThat(secrets.secret(null, "unit-hmac").block()).isNotEqualTo(secrets.secret(null, "ballot-hmac").block());
        assertThat(secrets.secret("configured-for-surveys", "unit-hmac").block()).isEqualTo("configured-for-surveys".getBytes());
        assertThat(dir).isEmptyDirectory();
    }
}
