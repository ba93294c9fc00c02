package app.chorus.surveys.web;

import app.chorus.identity.CurrentUser;
import app.chorus.shared.Page;
import app.chorus.surveys.internal.ResponseRates;
import app.chorus.surveys.internal.SurveyManagement;
import app.chorus.surveys.internal.SurveyResponseRates;
import app.chorus.surveys.internal.SurveyView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Survey response rates", description = "Those asked and those who answered, per school, against a goal")
class ResponseRatesController {

    private final SurveyManagement management;
    private final ResponseRates rates;

    ResponseRatesController(SurveyManagement management, ResponseRates rates) {
        this.management = management;
        this.rates = rates;
    }

    /** {@code responseRate}: percent of those asked each school should hear from (1-100); null removes the goal. */
    record GoalRequest(Integer responseRate) {
    }

    @PutMapping("/api/v1/surveys/{surveyId}/goal")
    @Operation(summary = "Set the response rate each school should reach (survey owner or trust leader)")
    Mono<SurveyView> setGoal(@AuthenticationPrincipal CurrentUser user, @PathVariable String surveyId,
                             @RequestBody GoalRequest request) {
        return management.setResponseGoal(user, surveyId, request.responseRate()).map(survey -> SurveyView.of(survey, Instant.now()));
    }

    @GetMapping("/api/v1/surveys/{surveyId}/response-rates")
    @Operation(summary = "Per school: those asked, those who answered and the rate, against the goal",
        description = "Readers of the survey's results. Figures about fewer people than the small-group minimum are null and marked hidden.")
    Mono<SurveyResponseRates> ofSurvey(@AuthenticationPrincipal CurrentUser user, @PathVariable String surveyId) {
        return management.readable(user, surveyId).flatMap(rates::of);
    }

    @GetMapping("/api/v1/trust/survey-response-rates")
    @Operation(summary = "Every open survey's response rates per school, soonest closing first (trust leaders)")
    Mono<Page<SurveyResponseRates>> open(@AuthenticationPrincipal CurrentUser user) {
        return rates.open(user).collectList().map(items -> Page.of(items, null));
    }
}
