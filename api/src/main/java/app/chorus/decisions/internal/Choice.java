package app.chorus.decisions.internal;

import app.chorus.decisions.Method;
import app.chorus.decisions.tally.Consent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * A valid ballot's content, as stored ({@link #document()}) and as counted live ({@link #counters(Decision)}: the
 * counter fields of its cell this ballot adds one to).
 */
record Choice(List<String> ranking, List<String> approve, Map<String, Integer> scores, Consent.Position position,
              String reason) {

    static final String BALLOTS = "n";

    Document document() {
        Document document = new Document();
        if (ranking != null) {
            document.append("ranking", ranking);
        }
        if (approve != null) {
            document.append("approve", approve);
        }
        if (scores != null) {
            document.append("scores", new Document(scores));
        }
        if (position != null) {
            document.append("position", position.name()).append("reason", reason);
        }
        return document;
    }

    @SuppressWarnings("unchecked")
    static Choice of(Document stored) {
        Document scores = stored.get("scores", Document.class);
        Map<String, Integer> scored = null;
        if (scores != null) {
            scored = new LinkedHashMap<>();
            for (Map.Entry<String, Object> entry : scores.entrySet()) {
                scored.put(entry.getKey(), ((Number) entry.getValue()).intValue());
            }
        }
        String position = stored.getString("position");
        return new Choice((List<String>) stored.get("ranking"), (List<String>) stored.get("approve"), scored,
            position == null ? null : Consent.Position.valueOf(position), stored.getString("reason"));
    }

    /** The live counters this ballot adds one to: ballots, and per method approvals, first preferences, points, scores or positions. */
    Map<String, Long> counters(Decision decision) {
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put(BALLOTS, 1L);
        Method method = decision.method();
        switch (method) {
            case APPROVAL -> {
                approve.forEach(option -> counters.put("o." + option, 1L));
                if (approve.isEmpty()) {
                    counters.put("abstain", 1L);
                }
            }
            case SCORE -> scores.forEach((option, score) -> counters.put("s." + option + "." + score, 1L));
            case CONSENT -> counters.put("c." + position.name(), 1L);
            case RANKED_IRV, BORDA -> {
                counters.put("o." + ranking.get(0), 1L);
                int n = decision.options().size();
                for (int i = 0; method == Method.BORDA && i < ranking.size(); i++) {
                    counters.put("p." + ranking.get(i), (long) (n - i));
                }
            }
        }
        return counters;
    }
}
