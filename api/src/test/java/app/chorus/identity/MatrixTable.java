package app.chorus.identity;

import app.chorus.identity.EveryRoleMeetsTheAuthorizationMatrixTests.Caller;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The authorization matrix as one Markdown table: a row per operation, a column per role. */
final class MatrixTable {

    private static final String HEADER = """
        # Authorization matrix of the api

        Checked by `EveryRoleMeetsTheAuthorizationMatrixTests` against the api's own OpenAPI document: every operation,
        asked by every role with a body of `{}` where it takes one. A cell `own/other` is the HTTP status about Oakfield
        (sch-001, where every demo person has a role) and about sch-003 (where no school-scoped demo person has one);
        a single status means the operation names no school's data (the same request for both). Trust leader, trust
        admin and privacy officer are trust-wide: every school is their own. An id that could not be made for the test
        is written `missing-...` in the request and answers the same for everyone.

        A 2xx and a 409 count alike (the role passed; the state left by earlier callers decided).
        Rules the test enforces whatever this table says: no 5xx; another school's data never answers 2xx to someone
        without a role there; and never 403 where the own school's answers otherwise (404: it does not exist for you).
        A new operation fails the build until it has a row here. Re-record after review with
        `-Dchorus.matrix.write=true`.

        """;

    private MatrixTable() {
    }

    static String render(Map<String, Map<Caller, String>> answers) {
        StringBuilder table = new StringBuilder(HEADER);
        table.append("| Operation |");
        Arrays.stream(Caller.values()).forEach(caller -> table.append(' ').append(caller.label).append(" |"));
        table.append("\n|---|");
        Arrays.stream(Caller.values()).forEach(caller -> table.append("---|"));
        table.append('\n');
        answers.forEach((operation, byCaller) -> {
            table.append("| ").append(operation).append(" |");
            byCaller.values().forEach(answer -> table.append(' ').append(answer).append(" |"));
            table.append('\n');
        });
        return table.toString();
    }

    /** Operation -> role label -> expected answer. */
    static Map<String, Map<String, String>> parse(String markdown) {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        List<String> labels = null;
        for (String line : markdown.lines().toList()) {
            if (!line.startsWith("|") || line.startsWith("|---")) {
                continue;
            }
            List<String> cells = Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|")).map(String::trim).toList();
            if (labels == null) {
                labels = cells;
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 1; i < cells.size() && i < labels.size(); i++) {
                row.put(labels.get(i), cells.get(i));
            }
            rows.put(cells.get(0), row);
        }
        return rows;
    }
}
