package app.chorus.surveys.web;

import app.chorus.identity.CurrentUser;
import app.chorus.shared.Page;
import app.chorus.surveys.internal.SurveyDraft;
import app.chorus.surveys.internal.SurveyManagement;
import app.chorus.surveys.internal.SurveyView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/surveys")
@Tag(name = "Surveys", description = "Create, edit, open and close surveys (owners and trust leaders)")
class SurveysController {

    private final SurveyManagement management;
    private final Clock clock = Clock.systemUTC();

    SurveysController(SurveyManagement management) {
        this.management = management;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a draft survey for an audience you may address",
        description = "Audience and anonymity are fixed from now on. A repeated Idempotency-Key returns the same survey.")
    Mono<SurveyView> create(@AuthenticationPrincipal CurrentUser user, @RequestBody SurveyDraft draft,
                            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return management.create(user, draft, idempotencyKey).map(this::view);
    }

    @GetMapping
    @Operation(summary = "Surveys you manage (trust leaders: all)")
    Mono<Page<SurveyView>> list(@AuthenticationPrincipal CurrentUser user) {
        return management.managedBy(user).map(this::view).collectList().map(items -> Page.of(items, null));
    }

    @GetMapping("/{surveyId}")
    @Operation(summary = "One survey you manage")
    Mono<SurveyView> get(@AuthenticationPrincipal CurrentUser user, @PathVariable String surveyId) {
        return management.managed(user, surveyId).map(this::view);
    }

    @PutMapping("/{surveyId}")
    @Operation(summary = "Edit title, times and questionnaire",
        description = "Once answers exist only wording fixes, options added at the end and new optional questions are accepted (409 otherwise).")
    Mono<SurveyView> edit(@AuthenticationPrincipal CurrentUser user, @PathVariable String surveyId, @RequestBody SurveyDraft draft) {
        return management.edit(user, surveyId, draft).map(this::view);
    }

    @PostMapping("/{surveyId}/open")
    @Operation(summary = "Open now (or schedule for opensAt); announces SurveyOpened. Idempotent.")
    Mono<SurveyView> open(@AuthenticationPrincipal CurrentUser user, @PathVariable String surveyId) {
        return management.open(user, surveyId).map(this::view);
    }

    @PostMapping("/{surveyId}/close")
    @Operation(summary = "Close now: no further answers are accepted. Idempotent.")
    Mono<SurveyView> close(@AuthenticationPrincipal CurrentUser user, @PathVariable String surveyId) {
        return management.close(user, surveyId).map(this::view);
    }

    private SurveyView view(app.chorus.surveys.internal.Survey survey) {
        return SurveyView.of(survey, clock.instant());
    }
}
