package app.chorus.directory;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A data manager uploads the export as their MIS wrote it (Windows line ends, no final line break, a byte-order
 * mark, every field quoted, headers in capitals, extension columns): it imports. A broken one answers 422 listing
 * every problem and writes nothing; none answers 500.
 */
@ApiTest
class DataManagerImportsAnExportWithWindowsLineEndingsTests {

    @Autowired
    WebTestClient web;

    @Test
    void theExportAsAWindowsMisWritesItImportsAsTheTrustItIs() {
        RosterFileSet files = RosterFileSet.demoTrust()
            .rewrite(CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get(), false, (line, fields) -> {
                List<String> row = new ArrayList<>(line == 1 ? fields.stream().map(f -> f.toUpperCase(Locale.ROOT)).toList() : fields);
                row.add(line == 1 ? "metadata.sims.upn" : "A1234" + line);
                row.add(line == 1 ? "ext_house" : "Red");
                return row;
            })
            .withByteOrderMarks();
        importZip(files)
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.changes.people.created").isEqualTo(0)
            .jsonPath("$.changes.people.updated").isEqualTo(0)
            .jsonPath("$.changes.people.deleted").isEqualTo(0)
            .jsonPath("$.changes.classes.unchanged").isEqualTo(21);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBrokenExportIsRefusedWithEveryProblemListedAndNothingWritten() {
        RosterFileSet files = RosterFileSet.demoTrust();
        long badLine = files.lineOf("users.csv", "stf-00004,");
        String users = files.read("users.csv").replace(",Oliver,Bennett,", ",Ollie,Bennett,").replace("Grace,Mensah", "めぐみ,山田");
        files.write("users.csv", users.getBytes(Charset.forName("Shift_JIS")))
            .edit("classes.csv", csv -> csv.replaceFirst("schoolSourcedId", "SchoolSourceID").replace("\r\n", "\n").stripTrailing())
            .edit("orgs.csv", csv -> csv.replaceFirst(",identifier,", ",,"));
        Map<String, Object> problem = importZip(files)
            .expectStatus().isEqualTo(422)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(problem.get("problemCount")).isEqualTo(3);
        assertThat((List<Map<String, Object>>) problem.get("problems"))
            .extracting(p -> p.get("file") + ":" + p.get("line") + ":" + p.get("column"))
            .containsExactlyInAnyOrder("users.csv:" + badLine + ":null",
                "classes.csv:1:schoolSourcedId", "orgs.csv:1:column 6");
        assertThat(problem.toString()).contains("Shift_JIS", "did you mean 'SchoolSourceID'?");
        web.get().uri("/api/v1/me")
            .header("Authorization", Tokens.bearer("carer.demo"))
            .exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.children[?(@.pupilId == 'pup-000001')].givenName").isEqualTo("Oliver");
    }

    private WebTestClient.ResponseSpec importZip(RosterFileSet files) {
        return RosterUploads.zip(web, files, "");
    }
}
