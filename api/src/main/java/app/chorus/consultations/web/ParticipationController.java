package app.chorus.consultations.web;

import app.chorus.consultations.internal.NotYetHeard;
import app.chorus.consultations.internal.ParticipationAnalytics;
import app.chorus.consultations.internal.ParticipationView;
import app.chorus.identity.CurrentUser;
import app.chorus.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/consultations/{consultationId}")
@Tag(name = "Consultation participation", description = "Taking part by school, year group and role; who has not been heard yet")
class ParticipationController {

    private final ParticipationAnalytics analytics;

    ParticipationController(ParticipationAnalytics analytics) {
        this.analytics = analytics;
    }

    @GetMapping("/participation")
    @Operation(summary = "Taking part by school, year group and role (groups under the trust's minimum are hidden)")
    Mono<ParticipationView> participation(@AuthenticationPrincipal CurrentUser user, @PathVariable String consultationId) {
        return analytics.participation(user, consultationId);
    }

    @GetMapping("/not-yet-heard")
    @Operation(summary = "People asked who have not taken part yet (not for anonymous consultations)")
    Mono<Page<NotYetHeard>> notYetHeard(@AuthenticationPrincipal CurrentUser user, @PathVariable String consultationId,
                                        @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
        return analytics.notYetHeard(user, consultationId, cursor, limit);
    }
}
