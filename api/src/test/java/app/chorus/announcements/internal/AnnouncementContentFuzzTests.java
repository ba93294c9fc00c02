package app.chorus.announcements.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.shared.Problem;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Coverage-guided fuzzing (Jazzer) of what an author's announcement goes through before anyone reads it: the Markdown
 * renderer and the attachment type check. Whatever the text or bytes, the renderer either refuses with a 4xx problem
 * naming the field or gives HTML with no script, no event handler, no embedded frame or image and no link outside
 * http(s), mailto and tel; the type check answers for any bytes, names and media types without failing.
 */
class AnnouncementContentFuzzTests {

    private static final MarkdownRenderer RENDERER = new MarkdownRenderer();
    private static final Pattern UNSAFE = Pattern.compile(
        "<\\s*(script|iframe|object|embed|img|svg|style|form|input)\\b|\\son[a-z]+\\s*=|href\\s*=\\s*\"(?!https?:|mailto:|tel:)[a-z0-9+.-]+:");

    @FuzzTest(maxDuration = "20s")
    void anAnnouncementsTextAndAttachmentsAreCheckedWhateverTheyHold(FuzzedDataProvider data) {
        if (data.consumeBoolean()) {
            byte[] bytes = data.consumeBytes(64);
            String name = data.consumeString(40);
            String mediaType = data.consumeString(40);
            FileType.sniff(bytes).ifPresent(type -> assertThat(type.mediaType).isNotBlank());
            FileType.byExtension(name);
            FileType.byMediaType(mediaType);
            return;
        }
        String title = data.consumeString(220);
        String body = data.consumeRemainingAsString();
        try {
            Content content = RENDERER.render(title, body, "translations.en");
            assertThat(UNSAFE.matcher(content.html().toLowerCase(Locale.ROOT)).find())
                .as("rendered HTML of %s", body).isFalse();
            assertThat(content.title()).doesNotContain("<", ">");
        } catch (Problem refused) {
            assertThat(refused.status()).isBetween(400, 499);
            assertThat(String.valueOf(refused.properties().get("field"))).startsWith("translations.en");
        }
    }
}
