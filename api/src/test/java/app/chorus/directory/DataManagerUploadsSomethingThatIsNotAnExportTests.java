package app.chorus.directory;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** Uploads that are not a OneRoster export at all answer a 4xx problem saying what to send, never a 500. */
@ApiTest
class DataManagerUploadsSomethingThatIsNotAnExportTests {

    @Autowired
    WebTestClient web;

    @Test
    void aZipCutShortInTransferIsAnUnreadableZip() throws IOException {
        byte[] zip = Files.readAllBytes(RosterFileSet.demoTrust().zip());
        upload(Arrays.copyOf(zip, zip.length / 2), "roster.zip")
            .expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                .contains("not a readable zip"));
    }

    @Test
    void aFilePartWithoutAUsableNameIsRefused() {
        upload("sourcedId\r\n".getBytes(), "../")
            .expectStatus().isBadRequest()
            .expectBody().jsonPath("$.type").isEqualTo("urn:chorus:problem:roster-upload-unnamed");
    }

    @Test
    void anImageSentAsTheManifestIsReportedAsNotUtf8() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, (byte) 0xFF, (byte) 0xD8};
        upload(png, "manifest.csv")
            .expectStatus().isEqualTo(422)
            .expectBody()
            .jsonPath("$.problems[0].file").isEqualTo("manifest.csv")
            .jsonPath("$.problems[0].fix").value(fix -> assertThat((String) fix).contains("UTF-8"));
    }

    private WebTestClient.ResponseSpec upload(byte[] content, String filename) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(content)).filename(filename);
        return web.post().uri("/api/v1/directory/imports")
            .header("Authorization", Tokens.bearer("leader.trust"))
            .body(BodyInserters.fromMultipartData(body.build()))
            .exchange();
    }
}
