package app.chorus.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.decisions.internal.BallotCasting;
import app.chorus.decisions.internal.BallotRequest;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceResolver;
import app.chorus.directory.AudienceRole;
import app.chorus.directory.DirectoryQueries;
import app.chorus.testing.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Decisions made and voted in over HTTP with real tokens, as leaders and carers would; the many other carers of the
 * demo trust (who have no login) vote through the casting service, still checked against the real directory.
 */
final class DecisionFixtures {

    /** carer.demo's child at Oakfield (sch-001). */
    static final String OLIVER = "pup-000001";

    private final WebTestClient web;
    private final BallotCasting casting;
    private final AudienceResolver audiences;
    private final DirectoryQueries directory;

    DecisionFixtures(WebTestClient web, BallotCasting casting, AudienceResolver audiences, DirectoryQueries directory) {
        this.web = web;
        this.casting = casting;
        this.audiences = audiences;
        this.directory = directory;
    }

    record Family(String carerId, String pupilId, String schoolId) {
    }

    /** A decision for Oakfield's carers, one ballot per child, by its head. */
    static Map<String, Object> oakfield(String method, String anonymity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("question", Map.of("en", "Which uniform supplier should we choose?"));
        body.put("method", method);
        if (!method.equals("CONSENT")) {
            body.put("options", List.of(option("a", "Alder Uniforms"), option("b", "Birch & Co"), option("c", "Cedar Schoolwear")));
        }
        body.put("audience", Map.of("scope", "SCHOOLS", "ids", List.of("sch-001"), "roles", List.of("CARERS")));
        body.put("ballotUnit", "PER_CHILD");
        body.put("anonymity", anonymity);
        body.put("schoolId", "sch-001");
        body.put("closesAt", Instant.now().plus(7, ChronoUnit.DAYS).toString());
        return body;
    }

    static Map<String, Object> option(String id, String label) {
        return Map.of("id", id, "label", Map.of("en", label));
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    String create(String leader, Map<String, Object> body) {
        return web.post().uri("/api/v1/decisions").header("Authorization", Tokens.bearer(leader)).bodyValue(body)
            .exchange().expectStatus().isCreated()
            .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    WebTestClient.ResponseSpec cast(String who, String decisionId, Map<String, Object> ballot, String key) {
        return web.post().uri("/api/v1/decisions/{id}/ballots", decisionId).header("Authorization", Tokens.bearer(who))
            .header("Idempotency-Key", key).bodyValue(ballot).exchange();
    }

    WebTestClient.ResponseSpec cast(String who, String decisionId, Map<String, Object> ballot) {
        return cast(who, decisionId, ballot, UUID.randomUUID().toString());
    }

    void close(String leader, String decisionId) {
        web.post().uri("/api/v1/decisions/{id}/close", decisionId).header("Authorization", Tokens.bearer(leader))
            .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CLOSED");
    }

    Map<String, Object> results(String who, String decisionId, String by) {
        return web.get().uri(uri -> uri.path("/api/v1/decisions/{id}/results")
                .queryParamIfPresent("by", java.util.Optional.ofNullable(by)).build(decisionId))
            .header("Authorization", Tokens.bearer(who)).exchange().expectStatus().isOk()
            .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
            .returnResult().getResponseBody();
    }

    /** Families of the trust with one carer per child (never Oliver, whom carer.demo votes for), in directory order. */
    List<Family> families(String schoolId) {
        Set<String> seen = new HashSet<>(Set.of(OLIVER));
        List<Family> families = new ArrayList<>();
        audiences.resolve(Audience.trust(AudienceRole.CARERS))
            .concatMap(member -> directory.pupilsCaredFor(member.personId())
                .map(child -> new Family(member.personId(), child.pupilId(), child.schoolId())))
            .filter(family -> schoolId == null || family.schoolId().equals(schoolId))
            .toIterable().forEach(family -> {
                if (seen.add(family.pupilId())) {
                    families.add(family);
                }
            });
        return families;
    }

    /** A carer without a login votes for their child through the casting service. */
    void castFor(Family family, String decisionId, BallotRequest ballot) {
        BallotRequest forChild = new BallotRequest(family.pupilId(), ballot.ranking(), ballot.approve(), ballot.scores(),
            ballot.position(), ballot.reason());
        casting.cast(family.carerId(), decisionId, forChild, UUID.randomUUID().toString()).block(Duration.ofSeconds(30));
    }

    static BallotRequest ranking(String... options) {
        return new BallotRequest(null, List.of(options), null, null, null, null);
    }

    static BallotRequest approving(String... options) {
        return new BallotRequest(null, null, List.of(options), null, null, null);
    }

    static BallotRequest stance(String position, String reason) {
        return new BallotRequest(null, null, null, null, position, reason);
    }

    @SuppressWarnings("unchecked")
    static Object at(Map<String, Object> map, String... path) {
        Object current = map;
        for (String step : path) {
            assertThat(current).as("at " + step).isInstanceOf(Map.class);
            current = ((Map<String, Object>) current).get(step);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> map, String... path) {
        return (List<Map<String, Object>>) at(map, path);
    }
}
