package app.chorus.directory.internal.seed;

import app.chorus.shared.Csv;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVPrinter;

/** Writes Chorus's CSV dialect ({@link Csv#FORMAT}) straight to a file. */
final class CsvWriter implements Closeable {

    private final CSVPrinter out;

    CsvWriter(Path file, String... header) throws IOException {
        this.out = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), Csv.FORMAT);
        row((Object[]) header);
    }

    void row(Object... fields) {
        try {
            out.printRecord(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
