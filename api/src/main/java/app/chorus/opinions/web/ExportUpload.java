package app.chorus.opinions.web;

import app.chorus.shared.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A Polis export uploaded as multipart files (parts named or with file names {@code comments.csv}, {@code votes.csv},
 * {@code participants-votes.csv}, {@code summary.csv}) or as one zip holding them, written to a temporary folder.
 */
final class ExportUpload {

    static final Set<String> FILES = Set.of("comments.csv", "votes.csv", "participants-votes.csv", "summary.csv");

    private ExportUpload() {
    }

    static String field(MultiValueMap<String, Part> parts, String name) {
        Part part = parts.getFirst(name);
        return part instanceof FormFieldPart field && !field.value().isBlank() ? field.value().strip() : null;
    }

    static Mono<Path> folder(MultiValueMap<String, Part> parts) {
        return Mono.fromCallable(() -> Files.createTempDirectory("polis-export")).subscribeOn(Schedulers.boundedElastic())
            .flatMap(folder -> Flux.fromIterable(parts.toSingleValueMap().entrySet())
                .concatMap(entry -> save(folder, entry))
                .then(Mono.just(folder)));
    }

    private static Mono<Void> save(Path folder, Map.Entry<String, Part> entry) {
        if (!(entry.getValue() instanceof FilePart file)) {
            return Mono.empty();
        }
        String name = FILES.contains(entry.getKey()) ? entry.getKey() : file.filename();
        if (FILES.contains(name)) {
            return file.transferTo(folder.resolve(name));
        }
        if (name != null && name.toLowerCase().endsWith(".zip")) {
            Path zip = folder.resolve("upload.zip");
            return file.transferTo(zip).then(Mono.fromRunnable(() -> unzip(zip, folder)).subscribeOn(Schedulers.boundedElastic())).then();
        }
        return Mono.error(Problem.badRequest("unknown-file", "Upload Polis's " + FILES + " (or a zip of them), not '"
            + name + "'.").with("field", entry.getKey()));
    }

    /** Extracts the export's files by their base names; anything else in the zip is ignored. */
    private static void unzip(Path zip, Path folder) {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                String base = Path.of(entry.getName()).getFileName().toString();
                if (!entry.isDirectory() && FILES.contains(base)) {
                    Files.copy(entries, folder.resolve(base), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw Problem.badRequest("unreadable-zip", "The zip cannot be read (" + e.getMessage()
                + "): upload Polis's CSV files instead.").with("field", "export");
        }
    }
}
