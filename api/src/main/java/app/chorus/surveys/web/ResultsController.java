package app.chorus.surveys.web;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import app.chorus.platform.LiveEvents;
import app.chorus.shared.Page;
import app.chorus.shared.Problem;
import app.chorus.surveys.internal.Breakdown;
import app.chorus.surveys.internal.FreeTextModeration;
import app.chorus.surveys.internal.FreeTextModeration.TextAnswer;
import app.chorus.surveys.internal.ResultsView;
import app.chorus.surveys.internal.SurveyManagement;
import app.chorus.surveys.internal.SurveyResults;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/surveys/{surveyId}")
@Tag(name = "Survey results", description = "Live results, breakdowns with small-number suppression, free-text moderation")
class ResultsController {

    private final SurveyManagement management;
    private final SurveyResults results;
    private final FreeTextModeration moderation;

    ResultsController(SurveyManagement management, SurveyResults results, FreeTextModeration moderation) {
        this.management = management;
        this.results = results;
        this.moderation = moderation;
    }

    record ModerationRequest(String state) {
    }

    record Identity(String responseId, String personId, String pupilId) {
    }

    @GetMapping("/results")
    @Operation(summary = "Results from the live tallies",
        description = "by=school|year|role adds a breakdown; groups under 5 respondents (and enough others that none can be derived from the total) are suppressed. 'overall' is the trust average for trust-wide surveys.")
    Mono<ResultsView> results(@AuthenticationPrincipal CurrentUser user, @PathVariable String surveyId,
                              @RequestParam(required = false) String by) {
        Breakdown breakdown = breakdown(by);
        return management.readable(user, surveyId).flatMap(survey -> results.results(survey, breakdown));
    }

    @GetMapping(path = "/results/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Results as Server-Sent Events: now, then after changes (at most once a second)")
    Flux<ServerSentEvent<ResultsView>> live(@AuthenticationPrincipal CurrentUser user, @PathVariable String surveyId,
                                            @RequestParam(required = false) String by) {
        Breakdown breakdown = breakdown(by);
        return LiveEvents.keptAlive(management.readable(user, surveyId)
            .flatMapMany(survey -> results.live(survey, breakdown))
            .map(view -> ServerSentEvent.builder(view).event("results").id(String.valueOf(view.respondents())).build()));
    }

    @GetMapping("/free-text")
    @Operation(summary = "Free-text answers to one question",
        description = "Only texts the trust's moderation shows (a pupil's after a moderator approved it). Of those, the owner sees all with their state; other readers only those the owner marked shown.")
    Mono<Page<TextAnswer>> freeText(@AuthenticationPrincipal CurrentUser user, @PathVariable String surveyId,
                                    @RequestParam String question, @RequestParam(required = false) String cursor,
                                    @RequestParam(defaultValue = "50") int limit) {
        return management.readable(user, surveyId)
            .flatMap(survey -> moderation.list(survey, question, management.isOwner(user, survey), cursor, limit));
    }

    @PutMapping("/free-text/{responseId}/{questionId}")
    @Operation(summary = "Publish one text answer moderation shows: shown, hidden or flagged (survey owner only)")
    Mono<TextAnswer> moderate(@AuthenticationPrincipal CurrentUser user, @PathVariable String surveyId,
                              @PathVariable String responseId, @PathVariable String questionId,
                              @RequestBody ModerationRequest request) {
        return management.readable(user, surveyId)
            .filter(survey -> management.isOwner(user, survey))
            .switchIfEmpty(Mono.error(() -> Problem.notFound("Survey " + surveyId)))
            .flatMap(survey -> moderation.moderate(survey, responseId, questionId, request.state()));
    }

    @GetMapping("/responses/{responseId}/identity")
    @Operation(summary = "Who gave a confidential response (privacy officer only)")
    Mono<Identity> identity(@AuthenticationPrincipal CurrentUser user, @PathVariable String surveyId,
                            @PathVariable String responseId) {
        if (!user.has(Role.PRIVACY_OFFICER)) {
            return Mono.error(Problem.notFound("Response " + responseId));
        }
        return management.identityOf(user, surveyId, responseId)
            .map(found -> new Identity(responseId, found.getString("personId"), found.getString("pupilId")))
            .switchIfEmpty(Mono.error(() -> Problem.notFound("A confidential response " + responseId)));
    }

    static Breakdown breakdown(String by) {
        if (by == null || by.isBlank()) {
            return null;
        }
        try {
            return Breakdown.valueOf(by.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw Problem.badRequest("bad-breakdown", "Break results down by school, year or role.").with("field", "by");
        }
    }
}
