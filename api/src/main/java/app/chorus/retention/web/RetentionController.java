package app.chorus.retention.web;

import app.chorus.identity.CurrentUser;
import app.chorus.retention.internal.PurgeReport;
import app.chorus.retention.internal.RetentionManagement;
import app.chorus.retention.internal.ScheduleInput;
import app.chorus.retention.internal.ScheduleView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@Tag(name = "Retention", description = "How long each kind of data is kept, and the purge that enforces it")
@RestController
@RequestMapping("/api/v1/retention")
class RetentionController {

    private final RetentionManagement retention;

    RetentionController(RetentionManagement retention) {
        this.retention = retention;
    }

    @Operation(summary = "The trust's retention schedule (trust leaders, the trust admin, the privacy officer)")
    @GetMapping("/schedule")
    Mono<ScheduleView> schedule(@AuthenticationPrincipal CurrentUser user) {
        return retention.schedule(user);
    }

    @Operation(summary = "Set periods as ISO-8601 periods (P1Y, P270D); kinds left out keep theirs (privacy officer, "
        + "trust admin; audited)")
    @PutMapping("/schedule")
    Mono<ScheduleView> setSchedule(@AuthenticationPrincipal CurrentUser user, @RequestBody ScheduleInput input) {
        return retention.setSchedule(user, input);
    }

    @Operation(summary = "Run the purge now, or resume an interrupted one, and report what it purged (privacy officer, "
        + "trust admin; audited)")
    @PostMapping("/purges")
    Mono<PurgeReport> purge(@AuthenticationPrincipal CurrentUser user) {
        return retention.purgeNow(user);
    }
}
