package app.chorus.consent.web;

import app.chorus.consent.internal.MinimumAgeSettings;
import app.chorus.consent.internal.MinimumAgeSettings.MinimumAgeInput;
import app.chorus.consent.internal.MinimumAgeSettings.MinimumAgeView;
import app.chorus.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@Tag(name = "Consent", description = "A parent's or guardian's consent for a child under the trust's minimum age to take part")
@RestController
class MinimumAgeController {

    private final MinimumAgeSettings settings;

    MinimumAgeController(MinimumAgeSettings settings) {
        this.settings = settings;
    }

    @Operation(summary = "The trust's minimum age for pupils to take part without a carer's consent (0: none)")
    @GetMapping("/api/v1/children/minimum-age")
    Mono<MinimumAgeView> trust() {
        return settings.trust();
    }

    @Operation(summary = "Set the trust's minimum age, 0 to 18 (trust leaders; audited)")
    @PutMapping("/api/v1/children/minimum-age")
    Mono<MinimumAgeView> setTrust(@AuthenticationPrincipal CurrentUser user, @RequestBody MinimumAgeInput input) {
        return settings.setTrust(user, input);
    }

    @Operation(summary = "The minimum age that applies in a school: the trust's, or the school's own where it raised it")
    @GetMapping("/api/v1/schools/{schoolId}/minimum-age")
    Mono<MinimumAgeView> school(@AuthenticationPrincipal CurrentUser user, @PathVariable String schoolId) {
        return settings.school(user, schoolId);
    }

    @Operation(summary = "Raise a school's minimum age above the trust's, never below (the school's leaders or a trust leader; audited)")
    @PutMapping("/api/v1/schools/{schoolId}/minimum-age")
    Mono<MinimumAgeView> setSchool(@AuthenticationPrincipal CurrentUser user, @PathVariable String schoolId,
                                   @RequestBody MinimumAgeInput input) {
        return settings.setSchool(user, schoolId, input);
    }
}
