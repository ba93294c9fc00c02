package app.chorus.opinions.math;

import java.util.List;
import java.util.stream.Collectors;

/** A Polis export that cannot be read: every problem found, each naming its file and line. */
public final class PolisExportException extends Exception {

    /** One problem: the file, its line (0 when about the whole file) and what is wrong. */
    public record Problem(String file, long line, String problem) {

        @Override
        public String toString() {
            return file + (line > 0 ? ":" + line : "") + ": " + problem;
        }
    }

    private final transient List<Problem> problems;

    public PolisExportException(List<Problem> problems) {
        super(problems.size() + " problem(s) in the Polis export: "
                + problems.stream().limit(20).map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
