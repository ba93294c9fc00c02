package app.chorus.surveys.internal;

import app.chorus.shared.PositionCursor;
import app.chorus.questionnaires.Question;
import app.chorus.questionnaires.QuestionType;
import app.chorus.shared.Page;
import app.chorus.shared.Problem;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Free-text answers after moderation: only texts the trust's moderation shows ({@link FreeTextScreening}) reach anyone
 * reading results. Of those, the survey owner sees every one and marks each shown, hidden or flagged; everyone else
 * who may read the results sees only texts the owner marked shown.
 */
@Service
public class FreeTextModeration {

    public static final List<String> STATES = List.of("shown", "hidden", "flagged");
    public static final String UNREVIEWED = "unreviewed";

    private final Responses responses;

    FreeTextModeration(Responses responses) {
        this.responses = responses;
    }

    /** One free-text answer as a reader sees it (no person, no time). */
    public record TextAnswer(String responseId, String questionId, String text, String moderation) {
    }

    public Mono<Page<TextAnswer>> list(Survey survey, String questionId, boolean owner, String cursor, int limit) {
        requireFreeText(survey, questionId);
        int size = PositionCursor.atMost(limit, 200);
        return collect(survey.id(), questionId, owner, cursor, size, List.of());
    }

    /** Pages through responses until {@code size} visible texts are found or the survey runs out. */
    private Mono<Page<TextAnswer>> collect(String surveyId, String questionId, boolean owner, String cursor, int size,
                                           List<TextAnswer> found) {
        int batch = Math.max(size * 4, 100);
        return responses.page(surveyId, cursor, batch).collectList().flatMap(page -> {
            List<TextAnswer> all = new java.util.ArrayList<>(found);
            String last = cursor;
            for (Document response : page) {
                last = response.getString("_id");
                TextAnswer text = textOf(response, questionId);
                if (text != null && FreeTextScreening.shown(response, questionId) && (owner || "shown".equals(text.moderation()))) {
                    all.add(text);
                    if (all.size() == size) {
                        return Mono.just(Page.of(all, last));
                    }
                }
            }
            return page.size() < batch ? Mono.just(Page.of(all, null)) : collect(surveyId, questionId, owner, last, size, all);
        });
    }

    public Mono<TextAnswer> moderate(Survey survey, String responseId, String questionId, String state) {
        requireFreeText(survey, questionId);
        if (state == null || !STATES.contains(state)) {
            throw Problem.badRequest("bad-moderation", "Moderate with one of " + STATES + " in 'state'.").with("field", "state");
        }
        return responses.moderate(survey.id(), responseId, questionId, state)
            .filter(Boolean::booleanValue)
            .switchIfEmpty(Mono.error(() -> Problem.notFound("A text answer to " + questionId + " in response " + responseId)))
            .then(responses.find(responseId))
            .filter(response -> FreeTextScreening.shown(response, questionId))
            .switchIfEmpty(Mono.error(() -> Problem.notFound("A text answer to " + questionId + " in response " + responseId)))
            .map(response -> textOf(response, questionId));
    }

    private static TextAnswer textOf(Document response, String questionId) {
        Object text = Responses.answersOf(response).get(questionId);
        if (text == null) {
            return null;
        }
        Document moderation = response.get("moderation", Document.class);
        String state = moderation == null ? UNREVIEWED : moderation.getString(questionId);
        return new TextAnswer(response.getString("_id"), questionId, text.toString(), state == null ? UNREVIEWED : state);
    }

    private static void requireFreeText(Survey survey, String questionId) {
        Question question = survey.questionnaire().question(questionId)
            .orElseThrow(() -> Problem.badRequest("unknown-question", "There is no question '" + questionId + "' in this survey."));
        if (question.type() != QuestionType.FREE_TEXT) {
            throw Problem.badRequest("not-free-text", "'" + questionId + "' is not a free-text question.");
        }
    }

    static boolean visibleTo(boolean owner, Document response, String questionId) {
        if (!FreeTextScreening.shown(response, questionId)) {
            return false;
        }
        Document moderation = response.get("moderation", Document.class);
        Object state = moderation == null ? null : moderation.get(questionId);
        return owner ? !"hidden".equals(state) : "shown".equals(state);
    }
}
