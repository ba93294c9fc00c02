package app.chorus.notifications.web;

import app.chorus.identity.CurrentUser;
import app.chorus.notifications.Notifications;
import app.chorus.shared.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The app reports (through the gateway) that the person opened a pushed message. Repeats change nothing. */
@RestController
class OpenedController {

    record Opened(String source, String sourceId) {
    }

    private final Notifications notifications;

    OpenedController(Notifications notifications) {
        this.notifications = notifications;
    }

    @PostMapping("/api/v1/notifications/opened")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> opened(@AuthenticationPrincipal CurrentUser user, @RequestBody Opened opened) {
        if (opened == null || blank(opened.source()) || blank(opened.sourceId())) {
            throw Problem.badRequest("malformed-open", "Say what was opened: source (e.g. announcement) and sourceId.")
                .with("field", opened == null || blank(opened.source()) ? "source" : "sourceId");
        }
        if (!user.isLinkedToPerson()) {
            throw Problem.forbidden("not-a-directory-person", "Your sign-in is not linked to a person of the directory.");
        }
        return notifications.recordOpened(opened.source(), opened.sourceId(), user.personId());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
