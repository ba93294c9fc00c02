package app.chorus.surveys.web;

import app.chorus.identity.CurrentUser;
import app.chorus.shared.Page;
import app.chorus.shared.Problem;
import app.chorus.surveys.SurveyQueries;
import app.chorus.surveys.WaitingSurvey;
import app.chorus.surveys.internal.SubmissionReceipt;
import app.chorus.surveys.internal.SurveyForm;
import app.chorus.surveys.internal.SurveyResponding;
import app.chorus.surveys.internal.SurveyResponding.DraftView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/surveys")
@Tag(name = "Answering surveys", description = "For carers, staff and pupils: what is waiting, drafts, submission")
class RespondingController {

    private final SurveyResponding responding;
    private final SurveyQueries queries;

    RespondingController(SurveyResponding responding, SurveyQueries queries) {
        this.responding = responding;
        this.queries = queries;
    }

    /** Answers keyed by question id. */
    record AnswersRequest(Map<String, Object> answers) {

        Map<String, Object> required() {
            if (answers == null) {
                throw Problem.badRequest("invalid-answers", "Send {\"answers\": {\"questionId\": answer, ...}}.").with("field", "answers");
            }
            return answers;
        }
    }

    @GetMapping("/waiting")
    @Operation(summary = "Open surveys waiting for your answers",
        description = "One entry per survey with the units still to answer: 'self', or for carer surveys one per child with a label.")
    Mono<Page<WaitingSurvey>> waiting(@AuthenticationPrincipal CurrentUser user) {
        return queries.waitingFor(user.personId()).collectList().map(items -> Page.of(items, null));
    }

    @GetMapping("/{surveyId}/form")
    @Operation(summary = "The survey to answer: anonymity promise, questions, and what you owe")
    Mono<SurveyForm> form(@AuthenticationPrincipal CurrentUser user, @PathVariable String surveyId) {
        return responding.form(user.personId(), surveyId);
    }

    @GetMapping("/{surveyId}/responses/{unit}/draft")
    @Operation(summary = "Your saved draft for a unit ('self' or a child's pupil id)")
    Mono<DraftView> draft(@AuthenticationPrincipal CurrentUser user, @PathVariable String surveyId, @PathVariable String unit) {
        return responding.draft(user.personId(), surveyId, unit);
    }

    @PutMapping("/{surveyId}/responses/{unit}/draft")
    @Operation(summary = "Save answers as you go; returns the questions they show")
    Mono<DraftView> saveDraft(@AuthenticationPrincipal CurrentUser user, @PathVariable String surveyId,
                              @PathVariable String unit, @RequestBody AnswersRequest request) {
        return Mono.defer(() -> responding.saveDraft(user.personId(), surveyId, unit, request.required()));
    }

    @PostMapping("/{surveyId}/responses/{unit}")
    @Operation(summary = "Submit your answers for a unit",
        description = "201 on the first submission; 200 when repeated with the same Idempotency-Key; 409 for a second submission otherwise.")
    Mono<ResponseEntity<SubmissionReceipt>> submit(@AuthenticationPrincipal CurrentUser user, @PathVariable String surveyId,
                                                   @PathVariable String unit, @RequestBody AnswersRequest request,
                                                   @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return Mono.defer(() -> responding.submit(user.personId(), surveyId, unit, request.required(), idempotencyKey))
            .map(receipt -> ResponseEntity.status(receipt.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(receipt));
    }
}
