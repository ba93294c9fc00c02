package app.chorus.directory;

import app.chorus.testing.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** Uploads a roster file set to the import endpoint as the trust administrator. */
final class RosterUploads {

    private RosterUploads() {
    }

    /** The set as one zip part; {@code query} e.g. {@code dryRun=true}. */
    static WebTestClient.ResponseSpec zip(WebTestClient web, RosterFileSet files, String query) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new FileSystemResource(files.zip())).filename("roster.zip");
        return post(web, body, query);
    }

    /** The set as one part per CSV file, as {@code ./chorus import FOLDER} sends it. */
    static WebTestClient.ResponseSpec files(WebTestClient web, Path dir, String query) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        try (var files = Files.list(dir)) {
            files.forEach(file -> body.part("files", new FileSystemResource(file)).filename(file.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return post(web, body, query);
    }

    private static WebTestClient.ResponseSpec post(WebTestClient web, MultipartBodyBuilder body, String query) {
        return web.post().uri("/api/v1/directory/imports?" + query)
            .header("Authorization", Tokens.bearer("leader.trust"))
            .body(BodyInserters.fromMultipartData(body.build()))
            .exchange();
    }
}
