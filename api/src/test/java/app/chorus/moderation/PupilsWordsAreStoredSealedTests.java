package app.chorus.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.notifications.NotificationsTest;
import app.chorus.platform.store.DataFolderInClear;
import app.chorus.platform.store.StoreCipher;
import app.chorus.platform.store.StoreProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What a pupil writes waits for Oakfield's moderator, who reads it as written; the stored item and the store's files
 * on disk hold none of its words, even opened with the store keyset (the data folder's own encryption, ADR 0350),
 * while an adult's shown comment is stored as written.
 */
@NotificationsTest
class PupilsWordsAreStoredSealedTests {

    @Autowired
    WebTestClient web;
    @Autowired
    Moderation moderation;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    StoreProperties store;
    @Autowired
    StoreCipher storeKey;

    @Test
    void theModeratorReadsAPupilsIdeaThatTheDataFolderDoesNotHold() throws IOException {
        var scenario = new ModerationScenario(web, moderation);
        String words = "Marmalade-" + UUID.randomUUID();
        Contribution idea = scenario.written(ModerationScenario.PUPIL, true, "A quiet corner please " + words);
        scenario.submit(idea);

        List<java.util.Map<String, Object>> queue = scenario.queueOf("head.oakfield");
        assertThat(queue).filteredOn(entry -> idea.ref().id().equals(entry.get("id")))
            .singleElement().satisfies(entry -> assertThat(entry.get("text")).isEqualTo(idea.text()));
        Document stored = mongo.findById(idea.ref().key(), Document.class, "moderation_items").block();
        assertThat(stored.toJson()).doesNotContain(words).doesNotContain("quiet corner").doesNotContain("Playground");
        assertThat(stored.get("text", Document.class).get("k")).isInstanceOf(Integer.class);
        assertThat(filesHolding(words)).as("store files holding the pupil's words").isEmpty();

        String adults = "Shown-" + UUID.randomUUID();
        Contribution comment = scenario.written(ModerationScenario.CARER, false, "More bike racks " + adults);
        scenario.submit(comment);
        assertThat(mongo.findById(comment.ref().key(), Document.class, "moderation_items").block().getString("text"))
            .isEqualTo(comment.text());
        assertThat(filesHolding(adults)).as("the same search finds the adult's words in the store's journal, opened")
            .isNotEmpty();
    }

    /** The store's files, opened with the store keyset, that hold these words. */
    private List<Path> filesHolding(String words) throws IOException {
        String needle = new String(words.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        return DataFolderInClear.read(store.dataDir(), storeKey).entrySet().stream()
            .filter(file -> new String(file.getValue(), StandardCharsets.ISO_8859_1).contains(needle))
            .map(Map.Entry::getKey).toList();
    }
}
