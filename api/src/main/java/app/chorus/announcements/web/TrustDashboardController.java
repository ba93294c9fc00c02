package app.chorus.announcements.web;

import app.chorus.announcements.internal.TrustDashboard;
import app.chorus.announcements.internal.TrustFigures;
import app.chorus.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@Tag(name = "Announcements", description = "Reach: delivered, opened, acknowledged")
@RestController
class TrustDashboardController {

    private final TrustFigures figures;

    TrustDashboardController(TrustFigures figures) {
        this.figures = figures;
    }

    @Operation(summary = "The trust dashboard in one read: per school, announcements, people reached, opened and acknowledged over a period",
        description = "Trust leaders only. from/to are UK dates (inclusive, at most 366 days apart; default the last 30 days). "
            + "A school's counts about fewer people than the small-group minimum are null and marked hidden.")
    @GetMapping("/api/v1/trust/dashboard")
    Mono<TrustDashboard> dashboard(@AuthenticationPrincipal CurrentUser user,
                                   @RequestParam(required = false) LocalDate from,
                                   @RequestParam(required = false) LocalDate to) {
        return figures.dashboard(user, from, to);
    }
}
