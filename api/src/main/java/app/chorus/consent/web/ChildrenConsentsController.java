package app.chorus.consent.web;

import app.chorus.consent.internal.ConsentManagement;
import app.chorus.consent.internal.ConsentManagement.ChildConsent;
import app.chorus.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

@Tag(name = "Consent", description = "A parent's or guardian's consent for a child under the trust's minimum age to take part")
@RestController
class ChildrenConsentsController {

    private final ConsentManagement consents;

    ChildrenConsentsController(ConsentManagement consents) {
        this.consents = consents;
    }

    @Operation(summary = "Your children under their school's minimum age, with whether you consented for each to take part "
        + "(parents and guardians; an empty list for anyone else)")
    @GetMapping("/api/v1/children/participation-consents")
    Flux<ChildConsent> children(@AuthenticationPrincipal CurrentUser user) {
        return consents.children(user);
    }
}
