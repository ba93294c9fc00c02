package app.chorus.announcements.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.chorus.shared.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownRendererTests {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void rendersTheMarkdownSubsetToHtmlWithAPlainSummary() {
        Content content = renderer.render("Sports day", "**Bring** a _hat_.\n\n- water\n- lunch\n\n[Map](https://example.org/map)", "t.en");

        assertThat(content.html()).contains("<strong>Bring</strong>", "<em>hat</em>", "<li>water</li>",
            "href=\"https://example.org/map\">Map</a>");
        assertThat(content.summary()).startsWith("Bring a hat.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<script>alert(1)</script>",
        "Hello <img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "![pic](https://example.org/a.png)",
        "<a href=\"https://x\" onclick=\"steal()\">x</a>"
    })
    void refusesHtmlScriptLinksAndImagesWithAProblemNamingThem(String body) {
        assertThatThrownBy(() -> renderer.render("T", body, "translations.en"))
            .isInstanceOfSatisfying(Problem.class, problem -> {
                assertThat(problem.status()).isEqualTo(400);
                assertThat(problem.kind()).isEqualTo("unsafe-markdown");
                assertThat(problem.properties()).containsEntry("field", "translations.en.body");
            });
    }

    @Test
    void refusesHtmlInTitles() {
        assertThatThrownBy(() -> renderer.render("<b>Hi</b>", "body", "translations.en"))
            .isInstanceOfSatisfying(Problem.class, problem -> assertThat(problem.kind()).isEqualTo("unsafe-markdown"));
    }
}
