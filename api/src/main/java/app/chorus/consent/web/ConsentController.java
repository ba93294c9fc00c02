package app.chorus.consent.web;

import app.chorus.consent.internal.ConsentManagement;
import app.chorus.consent.internal.ConsentManagement.ConsentView;
import app.chorus.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@Tag(name = "Consent", description = "A parent's or guardian's consent for a child under the trust's minimum age to take part")
@RestController
@RequestMapping("/api/v1/children/{pupilId}/participation-consent")
class ConsentController {

    private final ConsentManagement consents;

    ConsentController(ConsentManagement consents) {
        this.consents = consents;
    }

    @Operation(summary = "Whether you consented for your child to take part in opinion maps and consultations "
        + "under the trust's minimum age (parents and guardians of the child)")
    @GetMapping
    Mono<ConsentView> read(@AuthenticationPrincipal CurrentUser user, @PathVariable String pupilId) {
        return consents.read(user, pupilId);
    }

    @Operation(summary = "Consent for your child to take part (parents and guardians; audited; giving it again changes nothing)")
    @PutMapping
    Mono<ConsentView> give(@AuthenticationPrincipal CurrentUser user, @PathVariable String pupilId) {
        return consents.give(user, pupilId);
    }

    @Operation(summary = "Withdraw the consent (parents and guardians; audited)")
    @DeleteMapping
    Mono<ConsentView> withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable String pupilId) {
        return consents.withdraw(user, pupilId);
    }
}
