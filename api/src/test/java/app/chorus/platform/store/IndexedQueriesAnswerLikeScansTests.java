package app.chorus.platform.store;

import static app.chorus.platform.store.StoreClient.await;
import static app.chorus.platform.store.StoreSurvivesKillTests.loopback;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

/**
 * A feed, a claim queue or a device lookup asks by a field that has a (non-unique) index: the store answers
 * from its hash index, and the answer must be exactly what a full scan gives, through inserts, updates,
 * deletes and a restart. The same writes go to an indexed and an unindexed collection; every query is
 * compared.
 */
class IndexedQueriesAnswerLikeScansTests {

    private static final List<String> KEYS = List.of("trust/carers", "school:sch-001/carers", "school:sch-002/carers",
        "year:sch-001:Y3/carers", "class:cls-7/carers");

    @TempDir
    Path data;

    @Test
    void indexedQueriesReturnWhatAScanReturnsThroughChangesAndARestart() {
        Random random = new Random(42);
        try (EmbeddedStore store = EmbeddedStore.start(data, TestStoreKey.CIPHER, loopback(), false);
             StoreClient client = new StoreClient(store.address())) {
            MongoCollection<Document> indexed = client.collection("feed_indexed");
            MongoCollection<Document> plain = client.collection("feed_plain");
            await(indexed.createIndex(Indexes.compoundIndex(Indexes.ascending("audienceKeys"), Indexes.descending("sortAt"))));
            await(indexed.createIndex(Indexes.ascending("status", "notBefore")));
            await(indexed.createIndex(Indexes.ascending("devices.token")));
            await(indexed.createIndex(Indexes.ascending("rank")));
            for (int i = 0; i < 600; i++) {
                Document document = document(i, random);
                await(indexed.insertOne(document));
                await(plain.insertOne(new Document(document)));
            }
            for (int round = 0; round < 300; round++) {
                Bson target = Filters.eq("_id", "a-" + random.nextInt(600));
                Bson change = switch (random.nextInt(4)) {
                    case 0 -> Updates.set("status", random.nextBoolean() ? "due" : "done");
                    case 1 -> Updates.addToSet("audienceKeys", KEYS.get(random.nextInt(KEYS.size())));
                    case 2 -> Updates.set("devices", List.of(new Document("token", "tok-" + random.nextInt(50))));
                    default -> Updates.unset("rank");
                };
                await(indexed.updateOne(target, change));
                await(plain.updateOne(target, change));
            }
            await(indexed.deleteMany(Filters.eq("status", "gone")));
            await(plain.deleteMany(Filters.eq("status", "gone")));
            assertSameAnswers(indexed, plain);
            assertThat(indexSize(client, "feed_indexed", "audienceKeys_1_sortAt_-1")).isPositive();
            assertThat(dataSize(client, "feed_plain")).as("collStats size after inserts, updates and deletes")
                .isEqualTo(Flux.from(plain.find(new Document(), RawBsonDocument.class)).map(raw -> raw.getByteBuffer().remaining())
                    .reduce(0, Integer::sum).block());
        }
        try (EmbeddedStore store = EmbeddedStore.start(data, TestStoreKey.CIPHER, loopback(), false);
             StoreClient client = new StoreClient(store.address())) {
            MongoCollection<Document> indexed = client.collection("feed_indexed");
            assertSameAnswers(indexed, client.collection("feed_plain"));
            Document moved = new Document("_id", "late").append("status", "due").append("audienceKeys", List.of("trust/carers"));
            await(indexed.insertOne(moved));
            assertThat(ids(indexed, Filters.and(Filters.eq("status", "due"), Filters.eq("_id", "late")))).containsExactly("late");
        }
    }

    @Test
    void aQueryNamingTheIdAndMoreAnswersLikeAScan() {
        Random random = new Random(7);
        try (EmbeddedStore store = EmbeddedStore.start(data, TestStoreKey.CIPHER, loopback(), false);
             StoreClient client = new StoreClient(store.address())) {
            MongoCollection<Document> marks = client.collection("marks");
            for (int i = 0; i < 200; i++) {
                await(marks.insertOne(document(i, random)));
            }
            List<Document> queries = List.of(
                new Document("_id", "a-17").append("status", "due"),
                new Document("_id", "a-18").append("status", new Document("$ne", "due")),
                new Document("_id", "a-19").append("rank", new Document("$exists", false)),
                new Document("_id", new Document("$in", List.of("a-1", "a-2", "a-3", "nobody"))).append("devices.token",
                    new Document("$exists", true)),
                new Document("_id", "nobody").append("status", "due"));
            for (Document query : queries) {
                List<Document> clauses = new ArrayList<>();
                query.forEach((key, value) -> clauses.add(new Document(key, value)));
                assertThat(ids(marks, query)).as(query.toJson()).isEqualTo(ids(marks, new Document("$and", clauses)));
            }
            await(marks.updateOne(new Document("_id", "a-20").append("status", "none of these"), Updates.set("seen", true)));
            assertThat(ids(marks, Filters.eq("seen", true))).as("a conditional update that does not match changes nothing").isEmpty();
        }
    }

    private static void assertSameAnswers(MongoCollection<Document> indexed, MongoCollection<Document> plain) {
        List<Bson> queries = List.of(
            Filters.in("audienceKeys", "school:sch-001/carers", "class:cls-7/carers"),
            Filters.eq("audienceKeys", "trust/carers"),
            Filters.and(Filters.eq("status", "due"), Filters.lte("notBefore", Instant.parse("2026-01-01T00:05:00Z"))),
            Filters.eq("status", "done"),
            Filters.eq("devices.token", "tok-3"),
            Filters.in("devices.token", "tok-1", "tok-2", "nobody"),
            Filters.eq("rank", 3),
            Filters.eq("rank", 3L),
            Filters.eq("rank", 3.0),
            Filters.in("rank", 1, 2.0),
            Filters.eq("rank", null),
            Filters.gt("rank", 5),
            Filters.regex("status", "^d"),
            Filters.or(Filters.and(Filters.eq("status", "due"), Filters.lte("notBefore", Instant.parse("2026-01-01T00:02:00Z"))),
                Filters.and(Filters.eq("status", "done"), Filters.eq("rank", 4))),
            Filters.or(Filters.eq("devices.token", "tok-9"), Filters.eq("_id", "a-17")),
            Filters.or(Filters.eq("devices.token", "tok-9"), Filters.eq("sortAt", Instant.parse("2026-01-01T00:00:10Z"))),
            Filters.eq("audienceKeys", List.of("trust/carers")),
            Filters.and(Filters.eq("_id", "a-17"), Filters.eq("status", "due")),
            Filters.and(Filters.in("_id", "a-1", "a-2", "a-3", "a-40"), Filters.ne("status", "done")),
            Filters.and(Filters.eq("status", "done"), Filters.in("rank", 1, 2.0), Filters.exists("devices")),
            Filters.and(Filters.gt("rank", 5), Filters.regex("status", "^d")),
            Filters.and(Filters.eq("rank", 4), Filters.in("status", "due", "done", "gone")),
            Filters.and(Filters.in("status", "due", "done"), Filters.eq("rank", 4), Filters.eq("devices.token", "tok-2")),
            Filters.and(Filters.or(Filters.eq("devices.token", "tok-9"), Filters.eq("_id", "a-17")), Filters.eq("status", "due")));
        for (Bson query : queries) {
            assertThat(ids(indexed, query)).as(query.toString()).isEqualTo(ids(plain, query));
        }
        Bson feedPage = Filters.in("audienceKeys", "trust/carers", "school:sch-002/carers");
        assertThat(page(indexed, feedPage)).isEqualTo(page(plain, feedPage)).hasSize(20);
    }

    private static List<Object> ids(MongoCollection<Document> collection, Bson query) {
        return Flux.from(collection.find(query).sort(Sorts.ascending("_id"))).map(document -> document.get("_id"))
            .collectList().block();
    }

    private static List<Object> page(MongoCollection<Document> collection, Bson query) {
        return Flux.from(collection.find(query).sort(Sorts.orderBy(Sorts.descending("sortAt"), Sorts.descending("_id"))).limit(20))
            .map(document -> document.get("_id")).collectList().block();
    }

    private static Document document(int i, Random random) {
        List<String> keys = new ArrayList<>();
        keys.add(KEYS.get(random.nextInt(KEYS.size())));
        if (random.nextBoolean()) {
            keys.add(KEYS.get(random.nextInt(KEYS.size())));
        }
        Document document = new Document("_id", "a-" + i).append("audienceKeys", keys)
            .append("sortAt", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(1000)))
            .append("status", List.of("due", "done", "gone").get(random.nextInt(3)))
            .append("notBefore", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(600)))
            .append("devices", List.of(new Document("token", "tok-" + random.nextInt(50)),
                new Document("token", "tok-" + random.nextInt(50))));
        switch (random.nextInt(4)) {
            case 0 -> document.append("rank", random.nextInt(10));
            case 1 -> document.append("rank", (long) random.nextInt(10));
            case 2 -> document.append("rank", (double) random.nextInt(10));
            default -> { }
        }
        return document;
    }

    private static int dataSize(StoreClient client, String collection) {
        Document stats = await(client.database("chorus").runCommand(new Document("collStats", collection)));
        return ((Number) stats.get("size")).intValue();
    }

    private static int indexSize(StoreClient client, String collection, String index) {
        Document stats = await(client.database("chorus").runCommand(new Document("collStats", collection)));
        return ((Number) stats.get("indexSize", Document.class).get(index)).intValue();
    }
}
