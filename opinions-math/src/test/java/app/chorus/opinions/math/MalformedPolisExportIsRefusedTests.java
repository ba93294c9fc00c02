package app.chorus.opinions.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.chorus.opinions.math.PolisExportException.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing a damaged Polis export: every problem is named by file and line, and nothing is computed. */
class MalformedPolisExportIsRefusedTests {

    private static final String COMMENTS = """
            timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body
            1000,Mon,0,0,1,0,1,"A body
            over two lines"
            1001,Mon,1,0,1,0,maybe,Second
            """;

    @TempDir
    Path folder;

    @Test
    void everyBadRowIsListedWithItsFileAndLine() throws Exception {
        Files.writeString(folder.resolve("comments.csv"), COMMENTS);
        Files.writeString(folder.resolve("votes.csv"), """
                timestamp,datetime,comment-id,voter-id,vote
                1002,Mon,0,7,1
                1003,Mon,0,8,5
                1004,Mon,9,8,1
                soon,Mon,0,9,1
                """);

        PolisExportException refused = catchThrowableOfType(PolisExportException.class, () -> PolisExport.read(folder));

        assertThat(refused.problems()).extracting(Problem::file, Problem::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("comments.csv", 4L),
                org.assertj.core.groups.Tuple.tuple("votes.csv", 3L),
                org.assertj.core.groups.Tuple.tuple("votes.csv", 4L),
                org.assertj.core.groups.Tuple.tuple("votes.csv", 5L));
        assertThat(refused.problems().get(2).problem()).contains("comment-id '9'");
    }

    @Test
    void aMissingVotesFileIsNamed() throws Exception {
        Files.writeString(folder.resolve("comments.csv"), COMMENTS.replace("maybe", "1"));

        PolisExportException refused = catchThrowableOfType(PolisExportException.class, () -> PolisExport.read(folder));

        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("votes.csv");
            assertThat(problem.problem()).contains("missing");
        });
    }
}
