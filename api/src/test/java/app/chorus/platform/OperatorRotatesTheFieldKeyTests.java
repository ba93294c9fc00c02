package app.chorus.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.chorus.testing.ApiTest;
import java.time.Duration;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * An operator rotates the field key in three steps: a new key is added (values still sealed under the old one), made
 * primary (new values under it; the re-encryption job seals the old values again, the ones written meanwhile are left
 * as they are), then the old key is retired: every value reads the same throughout, and the old key alone opens none.
 */
@ApiTest
class OperatorRotatesTheFieldKeyTests {

    private static final String COLLECTION = "test_sealed_" + UUID.randomUUID().toString().replace("-", "");

    @Autowired
    ReactiveMongoTemplate mongo;

    static final class Notes extends SealedFields {
        Notes() {
            super(COLLECTION, "note", "inner.note");
        }
    }

    @Test
    void valuesSealedUnderTheOldKeyReadTheSameAfterRotationAndRetirement() {
        String first = FieldKeys.fresh();
        FieldEncryption before = new FieldEncryption(first);
        for (int n = 0; n < 450; n++) {
            mongo.insert(note(before, "d" + n, "worry number " + n), COLLECTION).block();
        }
        String added = FieldKeys.added(first);
        assertThat(new FieldEncryption(added).primaryKeyId()).isEqualTo(before.primaryKeyId());

        String promoted = FieldKeys.promoted(added);
        FieldEncryption after = new FieldEncryption(promoted);
        assertThat(after.primaryKeyId()).isNotEqualTo(before.primaryKeyId());
        mongo.insert(note(after, "fresh", "written after promotion"), COLLECTION).block();
        assertThat(reencryption(after).run().block(Duration.ofMinutes(2))).isEqualTo(900L);
        assertThat(reencryption(after).run().block(Duration.ofMinutes(2))).as("a second run finds nothing").isZero();
        assertThat(mongo.count(Query.query(Criteria.where("note.k").is(before.primaryKeyId())), COLLECTION).block()).isZero();

        FieldEncryption retired = new FieldEncryption(FieldKeys.retired(promoted));
        assertThat(read(retired, "d7", "note")).isEqualTo("worry number 7");
        assertThat(read(retired, "d449", "inner.note")).isEqualTo("inner worry number 449");
        assertThat(read(retired, "fresh", "note")).isEqualTo("written after promotion");
        assertThatThrownBy(() -> read(before, "d7", "note")).hasMessageContaining("put that key back");
    }

    private FieldReencryption reencryption(FieldEncryption encryption) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("notes", new Notes());
        return new FieldReencryption(mongo, encryption, beans.getBeanProvider(SealedFields.class), Duration.ofHours(1));
    }

    private static Document note(FieldEncryption encryption, String id, String text) {
        return new Document("_id", id).append("note", encryption.seal(text, SealedFields.place(COLLECTION, id, "note")))
            .append("inner", new Document("note", encryption.seal("inner " + text,
                SealedFields.place(COLLECTION, id, "inner.note"))));
    }

    private String read(FieldEncryption encryption, String id, String path) {
        Document doc = mongo.findById(id, Document.class, COLLECTION).block();
        Object stored = path.equals("note") ? doc.get("note") : doc.get("inner", Document.class).get("note");
        return encryption.open(stored, SealedFields.place(COLLECTION, id, path));
    }
}
