package app.chorus.announcements.internal;

import app.chorus.announcements.Priority;
import app.chorus.directory.Audience;
import app.chorus.shared.Problem;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Turns an author's input into a draft: every check that needs no I/O, before anything is written. */
@Component
class DraftValidator {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final int MAX_LINKS = 10;
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final String trustLanguage;

    DraftValidator(@Value("${chorus.announcements.default-language:en}") String trustLanguage) {
        this.trustLanguage = trustLanguage;
    }

    AnnouncementDraft validate(AnnouncementInput input, Instant now) {
        if (input.audience() == null || input.audience().scope() == null || input.audience().roles().isEmpty()) {
            throw Problem.badRequest("validation", "An audience with a scope and at least one role is required.").with("field", "audience");
        }
        if (input.audience().scope() != Audience.Scope.TRUST && input.audience().ids().isEmpty()) {
            throw Problem.badRequest("validation", "Name at least one school, year group or class in audience.ids.").with("field", "audience.ids");
        }
        String language = input.defaultLanguage() == null ? trustLanguage : input.defaultLanguage();
        Priority priority = input.priority() == null ? Priority.NORMAL : input.priority();
        checkAcknowledgement(input, priority, now);
        Instant publishAt = future(input.publishAt(), "publishAt", now);
        Instant expiresAt = future(input.expiresAt(), "expiresAt", now);
        if (expiresAt != null && publishAt != null && !expiresAt.isAfter(publishAt)) {
            throw Problem.badRequest("validation", "expiresAt must be after publishAt.").with("field", "expiresAt");
        }
        return new AnnouncementDraft(input.schoolId(), input.audience(), priority, Boolean.TRUE.equals(input.requiresAcknowledgement()),
            millis(input.acknowledgeBy()), language, translations(input.translations(), language), links(input.links()),
            publishAt, expiresAt, trustWide(input, now));
    }

    private static void checkAcknowledgement(AnnouncementInput input, Priority priority, Instant now) {
        if (Boolean.TRUE.equals(input.requiresAcknowledgement()) && priority == Priority.NORMAL) {
            throw Problem.badRequest("validation", "Only important or urgent announcements can ask for acknowledgement.")
                .with("field", "requiresAcknowledgement");
        }
        if (input.acknowledgeBy() != null && (!Boolean.TRUE.equals(input.requiresAcknowledgement()) || input.acknowledgeBy().isBefore(now))) {
            throw Problem.badRequest("validation", "acknowledgeBy needs requiresAcknowledgement and a future date.")
                .with("field", "acknowledgeBy");
        }
    }

    private Map<String, Content> translations(Map<String, AnnouncementInput.Translation> given, String language) {
        if (given == null || !given.containsKey(language)) {
            throw Problem.badRequest("validation", "translations must include the default language '" + language + "'.")
                .with("field", "translations");
        }
        Map<String, Content> rendered = new LinkedHashMap<>();
        given.forEach((tag, translation) -> {
            if (!LANGUAGE.matcher(tag).matches()) {
                throw Problem.badRequest("validation", "'" + tag + "' is not a language tag (e.g. en, pl, pt-BR).").with("field", "translations");
            }
            if (translation == null) {
                throw Problem.badRequest("validation", "translations." + tag + " is empty.").with("field", "translations." + tag);
            }
            rendered.put(tag, markdown.render(translation.title(), translation.body(), "translations." + tag));
        });
        return rendered;
    }

    private static List<Link> links(List<AnnouncementInput.LinkInput> given) {
        List<Link> links = new ArrayList<>();
        if (given == null) {
            return links;
        }
        if (given.size() > MAX_LINKS) {
            throw Problem.badRequest("validation", "At most " + MAX_LINKS + " links.").with("field", "links");
        }
        for (int i = 0; i < given.size(); i++) {
            AnnouncementInput.LinkInput link = given.get(i);
            String title = link.title() == null || link.title().isBlank() ? link.url() : link.title().strip();
            links.add(new Link(title, MarkdownRenderer.checkUrl(link.url(), "links[" + i + "].url")));
        }
        return links;
    }

    private static TrustWide trustWide(AnnouncementInput input, Instant now) {
        AnnouncementInput.TrustWideInput given = input.trustWide();
        if (given == null || given.mode() != AnnouncementInput.TrustWideInput.Mode.ADAPTABLE) {
            return given == null ? null : new TrustWide(false, null, null, false);
        }
        if (input.schoolId() != null || input.audience().scope() == Audience.Scope.CLASSES) {
            throw Problem.badRequest("validation", "Only the trust's own posts to schools or year groups can be adaptable.")
                .with("field", "trustWide");
        }
        Instant start = future(given.windowStart() == null ? input.publishAt() : given.windowStart(), "trustWide.windowStart", now);
        Instant end = future(given.windowEnd(), "trustWide.windowEnd", now);
        if (start == null || end == null || !end.isAfter(start)) {
            throw Problem.badRequest("validation", "An adaptable post needs trustWide.windowStart before trustWide.windowEnd, both in the future.")
                .with("field", "trustWide");
        }
        return new TrustWide(true, start, end, Boolean.TRUE.equals(given.allowDecline()));
    }

    private static Instant future(Instant value, String field, Instant now) {
        if (value != null && value.isBefore(now.minusSeconds(5))) {
            throw Problem.badRequest(field.equals("publishAt") ? "publish-at-in-past" : "time-in-past",
                    field + " " + value + " is in the past. Choose a future time, or leave publishAt out to publish on approval.")
                .with("field", field);
        }
        return millis(value);
    }

    private static Instant millis(Instant value) {
        return value == null ? null : value.truncatedTo(ChronoUnit.MILLIS);
    }
}
