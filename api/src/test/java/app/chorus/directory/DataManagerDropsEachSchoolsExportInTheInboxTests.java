package app.chorus.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A trust points Chorus at the folder its rostering service drops file sets into: each set is imported in the order
 * it arrived, moved to imported/ or failed/, and its report (or every problem) stays readable in the api.
 */
@ApiTest
class DataManagerDropsEachSchoolsExportInTheInboxTests {

    private static final Path INBOX = temporaryFolder();

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void inbox(DynamicPropertyRegistry properties) {
        properties.add("chorus.roster.inbox.folder", INBOX::toString);
        properties.add("chorus.roster.inbox.poll-interval", () -> "200ms");
        properties.add("chorus.roster.inbox.settle", () -> "0s");
    }

    @Test
    @SuppressWarnings("unchecked")
    void setsAreImportedInArrivalOrderAndABrokenOneIsKeptWithItsProblems() throws IOException {
        Instant earlier = Instant.now().minusSeconds(120);
        drop(SchoolExport.of("sch-102", "Hazel Wood Primary", 4, 4), "hazel-wood-sims", earlier.plusSeconds(60));
        drop(SchoolExport.of("sch-101", "Elm Tree Primary", 5, 5), "elm-tree-arbor", earlier);
        RosterFileSet broken = SchoolExport.of("sch-103", "Ash Grove Primary", 3, 3);
        Files.delete(broken.dir.resolve("users.csv"));
        drop(broken, "ash-grove-bromcom", earlier.plusSeconds(90));

        await().atMost(Duration.ofSeconds(90)).until(() -> inbox("leader.trust").size() == 3
            && inbox("leader.trust").stream().noneMatch(entry -> entry.get("state").equals("RUNNING")));

        List<Map<String, Object>> entries = inbox("leader.trust");
        assertThat(entries).extracting(entry -> entry.get("name"))
            .as("newest first").containsExactly("ash-grove-bromcom", "hazel-wood-sims", "elm-tree-arbor");
        assertThat(entries).extracting(entry -> entry.get("state")).containsExactly("FAILED", "IMPORTED", "IMPORTED");
        Map<String, Object> elm = (Map<String, Object>) entries.get(2).get("report");
        assertThat((Map<String, Object>) elm.get("schools")).containsOnlyKeys("sch-101");
        assertThat(entries.get(1).get("finishedAt").toString())
            .as("imported after the set that arrived first").isGreaterThan(entries.get(2).get("finishedAt").toString());
        Map<String, Object> problem = (Map<String, Object>) entries.get(0).get("problem");
        assertThat(problem.toString()).contains("users.csv");

        assertThat(schools()).contains("sch-001", "sch-101", "sch-102").doesNotContain("sch-103");
        assertThat(names(INBOX.resolve("imported"))).hasSize(2).allMatch(name -> name.endsWith("-sims") || name.endsWith("-arbor"));
        assertThat(names(INBOX.resolve("failed"))).singleElement().satisfies(name -> assertThat(name).endsWith("ash-grove-bromcom"));
        assertThat(names(INBOX)).containsExactlyInAnyOrder("imported", "failed");

        web.get().uri("/api/v1/directory/imports/inbox").header("Authorization", Tokens.bearer("head.oakfield"))
            .exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/directory/imports/inbox?limit=-5").header("Authorization", Tokens.bearer("leader.trust"))
            .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("limit");
        web.get().uri("/api/v1/directory/imports/inbox?limit=2").header("Authorization", Tokens.bearer("leader.trust"))
            .exchange().expectStatus().isOk().expectBody()
            .jsonPath("$.items.length()").isEqualTo(2)
            .jsonPath("$.next").isNotEmpty();
    }

    private static void drop(RosterFileSet files, String name, Instant arrived) throws IOException {
        Path target = INBOX.resolve(name);
        Files.createDirectories(target);
        try (var list = Files.list(files.dir)) {
            for (Path file : list.toList()) {
                Path copy = Files.copy(file, target.resolve(file.getFileName()));
                Files.setLastModifiedTime(copy, FileTime.from(arrived));
            }
        }
        Files.setLastModifiedTime(target, FileTime.from(arrived));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> inbox(String login) {
        Map<String, Object> page = web.get().uri("/api/v1/directory/imports/inbox").header("Authorization", Tokens.bearer(login))
            .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (List<Map<String, Object>>) page.get("items");
    }

    @SuppressWarnings("unchecked")
    private List<String> schools() {
        Map<String, Object> page = web.get().uri("/api/v1/schools").header("Authorization", Tokens.bearer("leader.trust"))
            .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) page.get("items")).stream().map(school -> (String) school.get("id")).toList();
    }

    private static List<String> names(Path folder) throws IOException {
        try (var list = Files.list(folder)) {
            return list.map(path -> path.getFileName().toString()).toList();
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("roster-inbox-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
