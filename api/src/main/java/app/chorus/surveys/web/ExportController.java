package app.chorus.surveys.web;

import app.chorus.identity.CurrentUser;
import app.chorus.shared.Csv;
import app.chorus.surveys.internal.Survey;
import app.chorus.surveys.internal.SurveyExport;
import app.chorus.surveys.internal.SurveyManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/surveys/{surveyId}")
@Tag(name = "Survey results")
class ExportController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final SurveyManagement management;
    private final SurveyExport export;

    ExportController(SurveyManagement management, SurveyExport export) {
        this.management = management;
        this.export = export;
    }

    @GetMapping(path = "/export.csv", produces = "text/csv")
    @Operation(summary = "Responses as CSV (RFC 4180, UTF-8, CRLF), one row per response, streamed; respects anonymity")
    Mono<ResponseEntity<Flux<String>>> csv(@AuthenticationPrincipal CurrentUser user, @PathVariable String surveyId) {
        return management.managed(user, surveyId).map(survey -> {
            List<String> columns = export.columns(survey);
            Flux<String> lines = Flux.concat(Flux.just(Csv.record(columns)),
                export.rows(survey, management.isOwner(user, survey)).map(row -> Csv.record(row.values())));
            return ResponseEntity.ok().contentType(CSV).header(HttpHeaders.CONTENT_DISPOSITION, attachment(survey, "csv")).body(lines);
        });
    }

    @GetMapping(path = "/export.json", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_NDJSON_VALUE})
    @Operation(summary = "Responses as a JSON array (or NDJSON with Accept: application/x-ndjson), streamed; respects anonymity")
    Mono<ResponseEntity<Flux<Map<String, String>>>> json(@AuthenticationPrincipal CurrentUser user, @PathVariable String surveyId) {
        return management.managed(user, surveyId).map(survey -> ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_DISPOSITION, attachment(survey, "json"))
            .body(export.rows(survey, management.isOwner(user, survey))));
    }

    private static String attachment(Survey survey, String extension) {
        return "attachment; filename=\"" + survey.id() + "." + extension + "\"";
    }
}
