package app.chorus.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A mapping is passed over only when the path cannot match it: its beginning stops before any variable or wildcard. */
class RequestFindsItsEndpointByPathBeginningTests {

    @Test
    void aPatternWithAVariableBeginsAtTheLastSlashBeforeIt() {
        assertThat(PathFirstMappings.PathFirst.beginning("/api/v1/decisions/{decisionId}/ballots")).isEqualTo("/api/v1/decisions");
        assertThat(PathFirstMappings.PathFirst.beginning("/api/v1/ping")).isEqualTo("/api/v1/ping");
    }

    @Test
    void aTrailingWildcardStillLetsThePathWithoutItThrough() {
        // "/files/**" and "/files/{*rest}" match "/files" itself
        assertThat("/files").startsWith(PathFirstMappings.PathFirst.beginning("/files/**"));
        assertThat("/files").startsWith(PathFirstMappings.PathFirst.beginning("/files/{*rest}"));
        assertThat(PathFirstMappings.PathFirst.beginning("{anything}")).isEmpty();
        assertThat(PathFirstMappings.PathFirst.beginning("/fil?s")).isEmpty();
    }
}
