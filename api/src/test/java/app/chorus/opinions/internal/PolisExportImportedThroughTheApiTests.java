package app.chorus.opinions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockAuthentication;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import app.chorus.opinions.math.AdjustedRandIndex;
import app.chorus.opinions.math.ImportedPolisConversationMatchesPolisGroupsTests;
import app.chorus.testing.ApiTest;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A trust leader moves a past Polis conversation into Chorus by uploading its export: the shared Brexit conversation
 * replayed through the live update path gets Polis's number of groups and an adjusted Rand index of at least 0.75
 * against Polis's own groups. A malformed export is refused listing file and line, and nothing is written.
 */
@ApiTest
class PolisExportImportedThroughTheApiTests {

    private static final CurrentUser LEADER = new CurrentUser("leader", "leader.trust", "stf-00001", Set.of(Role.TRUST_LEADER));
    private static final String IMPORTS = "/api/v1/opinions/conversations/imports";

    @Autowired
    ApplicationContext context;

    @Autowired
    LiveMaps maps;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    OpinionStore store;

    @Test
    void theSharedBrexitConversationGetsPolisGroups() throws IOException {
        Path folder = ImportedPolisConversationMatchesPolisGroupsTests.sharedData().resolve("polis/brexit-consensus");
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("topic", "Can there be consensus on Brexit?");
        for (String file : List.of("comments.csv", "votes.csv", "participants-votes.csv", "summary.csv")) {
            body.part(file, new FileSystemResource(folder.resolve(file)));
        }
        Map<?, ?> created = leader().post().uri(IMPORTS).bodyValue(body.build()).exchange().expectStatus().isCreated()
            .expectBody(Map.class).returnResult().getResponseBody();
        String conversation = (String) created.get("id");

        leader().get().uri("/api/v1/opinions/conversations/{id}/map", conversation).exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.groups.length()").isEqualTo(2);
        Map<String, Integer> ours = maps.of(conversation).block().snapshot().map().participants();
        Map<String, String> polis = polisGroups(folder);
        List<String> theirs = new ArrayList<>();
        List<Integer> mine = new ArrayList<>();
        ours.forEach((participant, group) -> {
            String polisGroup = polis.getOrDefault(participant.substring(PolisImport.VOTER_PREFIX.length()), "");
            if (group != null && !polisGroup.isEmpty()) {
                theirs.add(polisGroup);
                mine.add(group);
            }
        });
        double agreement = AdjustedRandIndex.of(theirs, mine);
        System.out.printf("brexit-consensus through the api: ARI %.3f over %d participants%n", agreement, mine.size());
        assertThat(agreement).isGreaterThanOrEqualTo(0.75);

        LiveMaps restarted = new LiveMaps(store, java.time.Duration.ofMinutes(1));
        try {
            assertThat(restarted.of(conversation).block().snapshot().map())
                .as("after a restart the map is rebuilt from the stored votes as it was").isEqualTo(maps.of(conversation).block().snapshot().map());
        } finally {
            restarted.stop();
        }

        leader().get().uri("/api/v1/opinions/conversations/{id}/map.svg", conversation).exchange().expectStatus().isOk()
            .expectBody(String.class).value(svg -> assertThat(svg).contains("<title id=\"map-title\">")
                .contains("2 opinion groups"));
    }

    @Test
    void aMalformedExportIsRefusedByFileAndLineAndNothingIsWritten() {
        String topic = "A malformed export " + System.nanoTime();
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("topic", topic);
        body.part("comments.csv", csv("timestamp,comment-id,moderated,comment-body\n1,0,1,Fine\n"), org.springframework.http.MediaType.TEXT_PLAIN)
            .filename("comments.csv");
        body.part("votes.csv", csv("timestamp,comment-id,voter-id,vote\n2,0,7,1\n3,0,8,5\n"), org.springframework.http.MediaType.TEXT_PLAIN)
            .filename("votes.csv");
        leader().post().uri(IMPORTS).bodyValue(body.build()).exchange().expectStatus().isBadRequest()
            .expectHeader().contentType("application/problem+json")
            .expectBody().jsonPath("$.problems[0].file").isEqualTo("votes.csv")
            .jsonPath("$.problems[0].line").isEqualTo(3);
        assertThat(mongo.count(Query.query(Criteria.where("topic").is(topic)), Conversation.COLLECTION).block()).isZero();
    }

    private WebTestClient leader() {
        return WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient()
            .responseTimeout(Duration.ofSeconds(120)).build()
            .mutateWith(mockAuthentication(new TestingAuthenticationToken(LEADER, null, "ROLE_trust-leader")));
    }

    private static ByteArrayResource csv(String text) {
        return new ByteArrayResource(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Map<String, String> polisGroups(Path folder) throws IOException {
        Map<String, String> groups = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(folder.resolve("participants-votes.csv"))) {
            for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                groups.put(row.get("participant"), row.get("group-id").trim());
            }
        }
        return groups;
    }
}
