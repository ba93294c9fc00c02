package app.chorus.consultations.web;

import app.chorus.consultations.internal.LocalAnswers;
import app.chorus.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/consultations/{consultationId}")
@Tag(name = "Consultations")
class LocalAnswersController {

    private final LocalAnswers answers;

    LocalAnswersController(LocalAnswers answers) {
        this.answers = answers;
    }

    @PostMapping("/local-answers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Answer the local questions of the school you take part through (once per voice: ?as=PUPIL_ID for carers)")
    Mono<LocalAnswers.Receipt> answer(@AuthenticationPrincipal CurrentUser user, @PathVariable String consultationId,
                                      @RequestParam(required = false) String as, @RequestBody LocalAnswersInput input) {
        return answers.answer(user, consultationId, as, input.answers());
    }

    @GetMapping("/schools/{schoolId}/local-results")
    @Operation(summary = "Leaders: a school's answers to its local questions, hidden while fewer than the smallest group have answered")
    Mono<LocalAnswers.Results> results(@AuthenticationPrincipal CurrentUser user, @PathVariable String consultationId,
                                       @PathVariable String schoolId) {
        return answers.results(user, consultationId, schoolId);
    }

    /** Answers by question id, as a survey takes them. */
    record LocalAnswersInput(Map<String, Object> answers) {
    }
}
