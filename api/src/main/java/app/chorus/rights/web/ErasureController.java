package app.chorus.rights.web;

import app.chorus.identity.CurrentUser;
import app.chorus.rights.PersonErased;
import app.chorus.rights.internal.Erasures;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@Tag(name = "People's rights", description = "Subject access and erasure by the privacy officer")
@RestController
@RequestMapping("/api/v1/people/{personId}")
class ErasureController {

    private final Erasures erasures;

    ErasureController(Erasures erasures) {
        this.erasures = erasures;
    }

    @Operation(summary = "Erase a person: named answers removed, confidential links detached, audit name forgotten; "
        + "tallies unchanged (privacy officer only; repeating it does nothing more)")
    @PostMapping("/erasure")
    Mono<PersonErased> erase(@AuthenticationPrincipal CurrentUser user, @PathVariable String personId) {
        return erasures.erase(user, personId);
    }
}
