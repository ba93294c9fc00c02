package app.chorus.announcements.internal;

import app.chorus.shared.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * The Markdown subset of announcements (paragraphs, emphasis, headings, lists, quotes, code, links) rendered
 * to HTML on the server. Raw HTML, images and links other than http(s)/mailto/tel are refused with a problem
 * rather than silently stripped, so the author knows what was wrong; the renderer also escapes HTML and
 * sanitises URLs as a second line of defence.
 */
public final class MarkdownRenderer {

    static final int MAX_BODY = 20_000;
    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto", "tel");
    private static final int SUMMARY_LENGTH = 180;

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer html = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private final TextContentRenderer text = TextContentRenderer.builder().build();

    /** Renders one language version; {@code field} names the input in problems (e.g. {@code translations.en.body}). */
    public Content render(String title, String body, String field) {
        String cleanTitle = checkTitle(title, field);
        if (body == null || body.isBlank()) {
            throw Problem.badRequest("validation", "The body must not be empty.").with("field", field + ".body");
        }
        if (body.length() > MAX_BODY) {
            throw Problem.badRequest("validation", "The body is longer than " + MAX_BODY + " characters; shorten it or attach a PDF.")
                .with("field", field + ".body");
        }
        Node document = parser.parse(body);
        List<String> refused = refusedParts(document);
        if (!refused.isEmpty()) {
            throw Problem.badRequest("unsafe-markdown", "The body contains what announcements do not allow: "
                    + String.join("; ", refused) + ". Use plain Markdown (emphasis, lists, headings, links to http(s) or mailto).")
                .with("field", field + ".body").with("refused", refused);
        }
        return new Content(cleanTitle, body, html.render(document), summary(text.render(document)));
    }

    /** Checks a link shown under an announcement. */
    public static String checkUrl(String url, String field) {
        if (url == null || !isSafe(url)) {
            throw Problem.badRequest("unsafe-link", "Link '" + url + "' is not allowed: use an http, https, mailto or tel address.")
                .with("field", field);
        }
        return url.strip();
    }

    private static String checkTitle(String title, String field) {
        if (title == null || title.isBlank() || title.length() > 200) {
            throw Problem.badRequest("validation", "A title of 1 to 200 characters is required.").with("field", field + ".title");
        }
        if (title.indexOf('<') >= 0 || title.indexOf('>') >= 0) {
            throw Problem.badRequest("unsafe-markdown", "The title may not contain '<' or '>' (no HTML in titles).")
                .with("field", field + ".title");
        }
        return title.strip();
    }

    private static List<String> refusedParts(Node document) {
        List<String> refused = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock block) {
                refused.add("raw HTML " + abbreviate(block.getLiteral()));
            }

            @Override
            public void visit(HtmlInline inline) {
                refused.add("raw HTML " + abbreviate(inline.getLiteral()));
            }

            @Override
            public void visit(Image image) {
                refused.add("an image (attach images as files instead)");
            }

            @Override
            public void visit(Link link) {
                if (!isSafe(link.getDestination())) {
                    refused.add("a link to '" + abbreviate(link.getDestination()) + "'");
                }
                visitChildren(link);
            }
        });
        return refused;
    }

    private static boolean isSafe(String url) {
        String trimmed = url.strip();
        int colon = trimmed.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String scheme = trimmed.substring(0, colon).toLowerCase(Locale.ROOT);
        return SAFE_SCHEMES.contains(scheme) && trimmed.chars().noneMatch(Character::isISOControl);
    }

    private static String summary(String plain) {
        String oneLine = plain.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= SUMMARY_LENGTH ? oneLine : oneLine.substring(0, SUMMARY_LENGTH - 1).stripTrailing() + "…";
    }

    private static String abbreviate(String value) {
        String oneLine = value.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 40) + "…";
    }
}
