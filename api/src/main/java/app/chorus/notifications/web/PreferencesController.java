package app.chorus.notifications.web;

import app.chorus.identity.CurrentUser;
import app.chorus.notifications.internal.devices.Preferences;
import app.chorus.notifications.internal.devices.PreferencesManagement;
import app.chorus.notifications.internal.devices.PreferencesManagement.PreferencesInput;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The signed-in person's notification preferences (replaced as a whole by PUT, so retries are harmless). */
@RestController
@RequestMapping("/api/v1/preferences")
class PreferencesController {

    private final PreferencesManagement preferences;

    PreferencesController(PreferencesManagement preferences) {
        this.preferences = preferences;
    }

    @GetMapping
    Mono<Preferences> mine(@AuthenticationPrincipal CurrentUser user) {
        return preferences.of(user);
    }

    @PutMapping
    Mono<Preferences> save(@AuthenticationPrincipal CurrentUser user, @RequestBody PreferencesInput input) {
        return preferences.save(user, input);
    }
}
