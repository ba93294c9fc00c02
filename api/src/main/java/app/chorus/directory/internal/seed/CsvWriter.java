package app.chorus.directory.internal.seed;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes RFC 4180 rows (CRLF, quoted when needed) straight to a file. */
final class CsvWriter implements Closeable {

    private final BufferedWriter out;

    CsvWriter(Path file, String... header) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        row((Object[]) header);
    }

    void row(Object... fields) {
        try {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                String value = fields[i] == null ? "" : fields[i].toString();
                if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0) {
                    out.write('"');
                    out.write(value.replace("\"", "\"\""));
                    out.write('"');
                } else {
                    out.write(value);
                }
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
