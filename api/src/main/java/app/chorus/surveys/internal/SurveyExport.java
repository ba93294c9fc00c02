package app.chorus.surveys.internal;

import app.chorus.questionnaires.Question;
import app.chorus.questionnaires.QuestionType;
import app.chorus.surveys.Anonymity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Responses as rows, streamed (one row per response, never all in memory), respecting the anonymity promise: person
 * ids only for named surveys, the day rather than the time for anonymous ones, and an anonymous survey's school or
 * year group blanked to "suppressed" where that group is too small to show. Free text follows moderation.
 */
@Service
public class SurveyExport {

    static final String SUPPRESSED = "suppressed";

    private final Responses responses;
    private final SurveyResults results;

    SurveyExport(Responses responses, SurveyResults results) {
        this.responses = responses;
        this.results = results;
    }

    public List<String> columns(Survey survey) {
        List<String> columns = new ArrayList<>(List.of("response_id"));
        if (survey.anonymity() == Anonymity.NAMED) {
            columns.addAll(List.of("person_id", "pupil_id"));
        }
        columns.addAll(List.of("school", "year_group", "role", survey.anonymity() == Anonymity.ANONYMOUS ? "submitted_on" : "submitted_at"));
        survey.questionnaire().questions().forEach(question -> columns.add(question.id()));
        return columns;
    }

    /** Rows keyed by {@link #columns(Survey)}; values are text (lists joined with ';', ranking in order). */
    public Flux<Map<String, String>> rows(Survey survey, boolean owner) {
        Mono<Set<String>> hiddenSchools = anonymousOnly(survey, Breakdown.SCHOOL);
        Mono<Set<String>> hiddenYears = anonymousOnly(survey, Breakdown.YEAR);
        return results.hiddenAsAWhole(survey).filter(hidden -> !hidden)
            .flatMap(shown -> Mono.zip(hiddenSchools, hiddenYears)).flatMapMany(hidden -> responses.ofSurvey(survey.id())
            .map(response -> row(survey, owner, response, hidden.getT1(), hidden.getT2())));
    }

    private Mono<Set<String>> anonymousOnly(Survey survey, Breakdown by) {
        return survey.anonymity() == Anonymity.ANONYMOUS ? results.hiddenGroups(survey, by) : Mono.just(Set.of());
    }

    private Map<String, String> row(Survey survey, boolean owner, Document response, Set<String> hiddenSchools,
                                    Set<String> hiddenYears) {
        Map<String, String> row = new LinkedHashMap<>();
        Document cell = response.get("cell", Document.class);
        row.put("response_id", response.getString("_id"));
        if (survey.anonymity() == Anonymity.NAMED) {
            row.put("person_id", response.getString("personId"));
            row.put("pupil_id", response.getString("pupilId"));
        }
        String school = cell.getString("school");
        String year = cell.getString("year");
        row.put("school", hiddenSchools.contains(school) ? SUPPRESSED : school);
        row.put("year_group", hiddenYears.contains(year) ? SUPPRESSED : year);
        row.put("role", cell.getString("role"));
        if (survey.anonymity() == Anonymity.ANONYMOUS) {
            row.put("submitted_on", response.getString("submittedOn"));
        } else {
            row.put("submitted_at", String.valueOf(response.getDate("submittedAt").toInstant()));
        }
        Map<String, Object> answers = Responses.answersOf(response);
        for (Question question : survey.questionnaire().questions()) {
            Object answer = answers.get(question.id());
            boolean withheld = question.type() == QuestionType.FREE_TEXT && answer != null
                && !FreeTextModeration.visibleTo(owner, response, question.id());
            row.put(question.id(), withheld ? "" : text(answer));
        }
        return row;
    }

    private static String text(Object answer) {
        if (answer == null) {
            return "";
        }
        if (answer instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(";"));
        }
        if (answer instanceof Double number && number == Math.rint(number)) {
            return String.valueOf(number.longValue());
        }
        return answer.toString();
    }
}
