package app.chorus.surveys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.ChorusApplication;
import app.chorus.directory.AudienceRole;
import app.chorus.platform.SchemaSteps;
import app.chorus.testing.Tokens;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.json.JsonReader;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.BsonArray;
import org.bson.BsonValue;
import org.bson.codecs.BsonArrayCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A trust upgrades: today's api starts on a store holding survey tallies as the previous releases wrote them
 * ({@code upgrade/previous-release}), migrates them at start-up, and shows the same results as before; another
 * instance starting on the migrated store, or a migration cut short and run again, changes nothing twice.
 */
class TrustUpgradingKeepsItsSurveyResultsTests {

    private static final String SURVEY = "srv-before-upgrade";
    private static final Cell RECEPTION = new Cell("sch-001", "R", AudienceRole.CARERS);
    private static final Cell OAKFIELD_YEAR_3 = new Cell("sch-001", "Y3", AudienceRole.CARERS);
    private static final Cell RIVERSIDE_YEAR_3 = new Cell("sch-002", "Y3", AudienceRole.CARERS);

    private static MongoServer store;
    private static MongoClient client;
    private static ConfigurableApplicationContext api;

    @BeforeAll
    static void startTodaysApiOnThePreviousReleasesStore() throws IOException {
        store = new MongoServer(new MemoryBackend());
        InetSocketAddress address = store.bind();
        String uri = "mongodb://127.0.0.1:" + address.getPort() + "/chorus";
        client = MongoClients.create(uri);
        Flux.fromIterable(fixture("survey_tallies")).concatMap(cell -> tallies().insertOne(cell)).blockLast();
        api = new SpringApplicationBuilder(ChorusApplication.class).run("--spring.mongodb.uri=" + uri, "--server.port=0",
            "--chorus.identity.issuer-uri=" + Tokens.keycloakUrl() + "/realms/chorus");
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
        client.close();
        store.shutdown();
    }

    @Test
    void resultsReadByTodaysCodeAreTheOnesThePreviousReleaseCounted() {
        Tallies tallies = api.getBean(Tallies.class);

        assertThat(countersOf(tallies)).containsExactlyInAnyOrderEntriesOf(Map.of(
            RECEPTION, Map.of("n", 2L, "q.happy.n", 2L, "q.happy.v.5", 2L),
            OAKFIELD_YEAR_3, Map.of("n", 3L, "q.happy.n", 3L, "q.happy.v.4", 2L, "q.happy.v.3", 1L),
            RIVERSIDE_YEAR_3, Map.of("n", 4L, "q.happy.n", 4L, "q.happy.v.2", 4L)));
        assertThat(tallies.sums(SURVEY, "SCHOOL", Cell::school).block().get("sch-001").respondents()).isEqualTo(5L);
        assertThat(Flux.from(tallies().find()).collectList().block()).allSatisfy(cell -> {
            assertThat(cell).as("migrated cell %s", cell.get("_id")).doesNotContainKey("c").containsEntry(SchemaSteps.SCHEMA, 2);
            assertThat(cell.get(Tallies.VERSION)).isNotNull();
        });
        assertThat(Flux.from(database().getCollection("migrations").find(Filters.eq("changeId", "surveys-0001-tally-cells-flattened")))
            .map(applied -> applied.getString("state")).collectList().block()).containsExactly("EXECUTED");
    }

    @Test
    void anotherInstanceStartingOnTheMigratedStoreChangesNothing() throws ClassNotFoundException {
        Map<Cell, Map<String, Long>> before = countersOf(api.getBean(Tallies.class));

        // the platform's migration runner, as a second api instance starting on this store runs it
        ((SmartInitializingSingleton) api.getBean(Class.forName("app.chorus.platform.migrations.SchemaMigrations")))
            .afterSingletonsInstantiated();

        assertThat(countersOf(api.getBean(Tallies.class))).isEqualTo(before);
    }

    @Test
    void aMigrationCutShortFinishesOnlyWhatWasLeft() {
        Map<Cell, Map<String, Long>> migrated = countersOf(api.getBean(Tallies.class));
        Document leftOver = new Document("_id", "srv-cut-short|sch-003|Y6|carers").append("surveyId", "srv-cut-short")
            .append("school", "sch-003").append("year", "Y6").append("role", "carers")
            .append("c", new Document("n", 1L).append("q", new Document("happy", new Document("n", 1L).append("v", new Document("1", 1L)))));
        Mono.from(tallies().insertOne(leftOver)).block();

        new TallyCellsFlattened().flatten(database());

        assertThat(countersOf(api.getBean(Tallies.class))).as("cells migrated by the first run").isEqualTo(migrated);
        assertThat(api.getBean(Tallies.class).cells("srv-cut-short").single().block().tally().counters())
            .containsExactlyInAnyOrderEntriesOf(Map.of("n", 1L, "q.happy.n", 1L, "q.happy.v.1", 1L));
    }

    private static Map<Cell, Map<String, Long>> countersOf(Tallies tallies) {
        return tallies.cells(SURVEY).collectMap(Tallies.CellTally::cell, cell -> cell.tally().counters()).block();
    }

    private static MongoDatabase database() {
        return client.getDatabase("chorus");
    }

    private static MongoCollection<Document> tallies() {
        return database().getCollection(Tallies.COLLECTION);
    }

    private static List<Document> fixture(String collection) throws IOException {
        try (InputStream in = TrustUpgradingKeepsItsSurveyResultsTests.class
            .getResourceAsStream("/upgrade/previous-release/" + collection + ".json")) {
            BsonArray documents = new BsonArrayCodec().decode(new JsonReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)),
                DecoderContext.builder().build());
            return documents.stream().map(BsonValue::asDocument)
                .map(document -> new DocumentCodec().decode(document.asBsonReader(), DecoderContext.builder().build())).toList();
        }
    }
}
