package app.chorus.notifications.internal.fanout;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A batch resumed after a crash, or taken over by another instance, sends to exactly the targets that were planned:
 * the packed form (ADR 0097) gives back every field, flag and empty value, in order.
 */
class StoredTargetsReadBackAsPlannedTests {

    @Test
    void aResumedBatchSendsToExactlyThePlannedDevicesInTheirLanguages() {
        List<Document> planned = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            planned.add(new Document("p", "car-" + i).append("t", "token-" + i + ":APA91b-ü-ß").append("l", i % 2 == 0 ? "en" : "pl")
                .append("pl", i % 3 == 0 ? "IOS" : "ANDROID"));
        }
        planned.add(new Document("p", "car-digest").append("t", "token-d").append("l", "cy").append("pl", "ANDROID")
            .append("d", "2026-11-25"));
        planned.add(new Document("p", "car-email").append("l", "en").append("u", true));
        planned.add(new Document("p", "car-nothing").append("l", null).append("u", false));

        byte[] stored = PackedTargets.pack(planned);

        assertThat(PackedTargets.unpack(stored)).isEqualTo(planned);
        assertThat(PackedTargets.unpack(new Binary(stored))).as("as the driver may return it").isEqualTo(planned);
    }

    @Test
    void aTargetWithAFieldItCannotHoldIsRefusedWhenPlannedNotWhenSent() {
        List<Document> planned = List.of(new Document("p", "car-1").append("n", 42));

        assertThatThrownBy(() -> PackedTargets.pack(planned)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("n=42");
    }
}
