package app.chorus.surveys;

import static app.chorus.surveys.SurveyFixtures.draft;
import static app.chorus.surveys.SurveyFixtures.walkingAnswers;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceResolver;
import app.chorus.directory.AudienceRole;
import app.chorus.directory.DirectoryQueries;
import app.chorus.shared.KeyedHashes;
import app.chorus.surveys.internal.SurveyResponding;
import app.chorus.surveys.internal.UnitKeys;
import app.chorus.testing.ApiTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Someone with a copy of the database tries every key-like value it holds to recompute the participation marks of an
 * anonymous survey from the pupils' ids: the keyed-hash secret is a deployment secret, so none matches.
 */
@ApiTest
class WhoHoldsTheDatabaseFindsNoKeyToRecomputeMarksTests {

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    SurveyResponding responding;
    @Autowired
    UnitKeys unitKeys;
    @Autowired
    AudienceResolver audiences;
    @Autowired
    DirectoryQueries directory;
    @Autowired
    org.springframework.test.web.reactive.server.WebTestClient web;

    @Test
    void noStoredValueRecomputesAnyMark() {
        String id = new SurveyFixtures(web).opened("leader.trust",
            draft("Anonymous wellbeing", Audience.trust(AudienceRole.CARERS), Anonymity.ANONYMOUS));
        List<Respondents.ChildUnit> units = new Respondents(audiences, directory).oneCarerPerChild().subList(0, 5);
        units.forEach(unit -> responding.submit(unit.carerId(), id, unit.pupilId(), walkingAnswers(),
            UUID.randomUUID().toString()).block());

        Set<String> marks = mongo.find(Query.query(Criteria.where("surveyId").is(id)), Document.class, "survey_participation")
            .map(mark -> mark.getString("_id")).collect(Collectors.toSet()).block();
        assertThat(marks).hasSize(5);
        assertThat(marks).as("with the deployment's secret the marks are recomputable: the attack below is the real one")
            .contains(unitKeys.participationId(id, "pupil:" + units.get(0).pupilId()).block());
        List<byte[]> candidateKeys = keyLikeValues();
        for (byte[] key : candidateKeys) {
            for (Respondents.ChildUnit unit : units) {
                for (String unitKey : List.of("pupil:" + unit.pupilId(),
                    "carer:" + unit.carerId() + ":pupil:" + unit.pupilId())) {
                    assertThat(marks).doesNotContain(id + ":" + KeyedHashes.hmac(key, id + "|" + unitKey));
                }
            }
        }
        assertThat(mongo.getCollectionNames().collectList().block()).noneMatch(name -> name.endsWith("_keys"));
    }

    /** Every string held in a field named like a key, as text and decoded from Base64. */
    private List<byte[]> keyLikeValues() {
        List<byte[]> values = new ArrayList<>();
        for (String collection : mongo.getCollectionNames().collectList().block()) {
            mongo.findAll(Document.class, collection).toIterable().forEach(document -> document.forEach((field, value) -> {
                if (field.toLowerCase().contains("key") && value instanceof String text) {
                    values.add(text.getBytes(StandardCharsets.UTF_8));
                    try {
                        values.add(Base64.getDecoder().decode(text));
                    } catch (IllegalArgumentException notBase64) {
                        // kept as text only
                    }
                }
            }));
        }
        return values;
    }
}
