package app.chorus.directory;

import app.chorus.directory.internal.seed.TrustGenerator;
import app.chorus.shared.Csv;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A OneRoster file set on disk (the demo trust the tests' api seeded), to edit and zip like an MIS export. */
public final class RosterFileSet {

    public final Path dir;

    private RosterFileSet(Path dir) {
        this.dir = dir;
    }

    /** The very file set the test api seeded itself from (3 schools, 120 pupils). */
    public static RosterFileSet demoTrust() {
        try {
            Path dir = Files.createTempDirectory("roster-test-");
            new TrustGenerator(3, 120).write(dir, message -> { });
            return new RosterFileSet(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One school's own small export (its head, one class of pupils with a carer each), as its MIS writes it. */
    public static RosterFileSet oneSchool(String school, String name, int pupils) {
        return SchoolExport.of(school, name, pupils, pupils);
    }

    /** One school's small export, with one more pupil whose carer {@code sharedCarer} has children at other schools. */
    public static RosterFileSet oneSchoolSharingACarer(String school, String name, int pupils, String sharedCarer) {
        return SchoolExport.of(school, name, pupils, sharedCarer);
    }

    /** The export that takes one school out of the trust: the school marked tobedeleted, nobody listed. */
    public static RosterFileSet schoolRemoval(String school, String name) {
        return SchoolExport.removal(school, name);
    }

    /** A file set already written to a folder. */
    public static RosterFileSet at(Path dir) {
        return new RosterFileSet(dir);
    }

    /** The same files in a folder of their own, to damage without touching these. */
    public RosterFileSet copy() {
        try (var files = Files.list(dir)) {
            Path copy = Files.createTempDirectory("roster-test-");
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
            return new RosterFileSet(copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RosterFileSet edit(String file, UnaryOperator<String> change) {
        try {
            Path path = dir.resolve(file);
            Files.writeString(path, change.apply(Files.readString(path)));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An edit that drops every line holding {@code text}, ending the others with CRLF as the exports of these tests do. */
    public static UnaryOperator<String> withoutLinesHolding(String text) {
        return content -> content.lines().filter(line -> !line.contains(text)).map(line -> line + "\r\n")
            .collect(java.util.stream.Collectors.joining());
    }

    public RosterFileSet write(String file, byte[] content) {
        try {
            Files.write(dir.resolve(file), content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(String file) {
        try {
            return Files.readString(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-based line of the first row that starts with the text. */
    public long lineOf(String file, String text) {
        List<String> lines = List.of(read(file).split("\r\n", -1));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(text)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(text + " not in " + file);
    }

    public Path zip() {
        try {
            Path zip = Files.createTempFile("roster-test-", ".zip");
            try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(out);
                 var files = Files.list(dir)) {
                for (Path file : files.sorted().toList()) {
                    entries.putNextEntry(new ZipEntry(file.getFileName().toString()));
                    Files.copy(file, entries);
                    entries.closeEntry();
                }
            }
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites every CSV file of the set record by record: each record's fields through {@code change}, in {@code format}. */
    public RosterFileSet rewrite(CSVFormat format, boolean finalLineBreak, BiFunction<Long, List<String>, List<String>> change) {
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                StringBuilder out = new StringBuilder();
                try (CSVParser records = Csv.FORMAT.parse(Files.newBufferedReader(file))) {
                    for (CSVRecord record : records) {
                        format.printRecord(out, change.apply(record.getRecordNumber(), record.toList()).toArray());
                    }
                }
                String text = finalLineBreak ? out.toString() : out.toString().replaceFirst("(\\r\\n|\\n)$", "");
                Files.writeString(file, text);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts a UTF-8 byte-order mark in front of every file. */
    public RosterFileSet withByteOrderMarks() {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                byte[] content = Files.readAllBytes(file);
                byte[] marked = new byte[content.length + 3];
                marked[0] = (byte) 0xEF;
                marked[1] = (byte) 0xBB;
                marked[2] = (byte) 0xBF;
                System.arraycopy(content, 0, marked, 3, content.length);
                Files.write(file, marked);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites the set in the OneRoster 1.1 layout: role and orgSourcedIds as users.csv columns, no roles.csv. */
    public RosterFileSet asOneRoster11() {
        java.util.Map<String, String[]> roleOf = new java.util.HashMap<>();
        for (String row : read("roles.csv").split("\r\n")) {
            String[] f = row.split(",", -1);
            roleOf.put(f[3], new String[] {f[5], f[8]});
        }
        StringBuilder users = new StringBuilder();
        String[] rows = read("users.csv").split("\r\n");
        users.append(rows[0]).append(",role,orgSourcedIds\r\n");
        for (int i = 1; i < rows.length; i++) {
            String[] role = roleOf.get(rows[i].substring(0, rows[i].indexOf(',')));
            users.append(rows[i]).append(',').append(role[0]).append(',').append(role[1]).append("\r\n");
        }
        try {
            Files.delete(dir.resolve("roles.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return write("users.csv", users.toString().getBytes(StandardCharsets.UTF_8))
            .edit("manifest.csv", csv -> csv.replace("oneroster.version,1.2", "oneroster.version,1.1")
                .replace("file.roles,bulk", "file.roles,absent"));
    }

    public static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
