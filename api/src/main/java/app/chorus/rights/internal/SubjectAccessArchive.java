package app.chorus.rights.internal;

import app.chorus.directory.PersonSummary;
import app.chorus.rights.PersonalDataSource;
import app.chorus.rights.PersonalFile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * A subject access export as a zip, written while it is sent: {@code person.csv}, one CSV per section (a row per
 * record, the columns of its first record, anything else in {@code more}), each section's files in a folder of its
 * name, and {@code README.txt} last (what each file holds, how many records, and what is left out and why). Records
 * and file bytes are pulled a few at a time on a worker thread into a 64 KB-chunked stream: memory stays bounded
 * whatever the person's history.
 */
final class SubjectAccessArchive {

    private static final int CHUNK = 64 * 1024;
    private static final int PREFETCH = 32;

    private SubjectAccessArchive() {
    }

    static Flux<DataBuffer> of(PersonSummary person, List<PersonalDataSource> sources, List<String> notes) {
        return Flux.from(DataBufferUtils.outputStreamPublisher(out -> write(out, person, sources, notes),
            DefaultDataBufferFactory.sharedInstance, runnable -> Schedulers.boundedElastic().schedule(runnable), CHUNK));
    }

    private static void write(OutputStream out, PersonSummary person, List<PersonalDataSource> sources, List<String> notes) {
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            Writer text = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            Map<String, String> contents = new LinkedHashMap<>();
            zip.putNextEntry(new ZipEntry("person.csv"));
            csv(text, List.of(personRecord(person)).iterator());
            contents.put("person.csv", "the person as the school's roster gives them");
            for (PersonalDataSource source : sources) {
                String name = source.section() + ".csv";
                zip.putNextEntry(new ZipEntry(name));
                long records = csv(text, source.about(person.id()).toIterable(PREFETCH).iterator());
                contents.put(name, records + " record" + (records == 1 ? "" : "s"));
                long files = files(zip, source.section(), source.files(person.id()));
                if (files > 0) {
                    contents.put(source.section() + "/", files + " file" + (files == 1 ? "" : "s") + " as they were sent or written");
                }
            }
            zip.putNextEntry(new ZipEntry("README.txt"));
            text.write(readme(person, contents, notes));
            text.flush();
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("the subject access archive could not be written", e);
        }
    }

    /** Writes the records as CSV; answers how many. */
    private static long csv(Writer text, java.util.Iterator<Map<String, Object>> records) throws IOException {
        CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180);
        List<String> columns = null;
        long count = 0;
        while (records.hasNext()) {
            Map<String, Object> record = records.next();
            if (columns == null) {
                columns = new ArrayList<>(record.keySet());
                List<String> header = new ArrayList<>(columns);
                header.add("more");
                printer.printRecord(header);
            }
            List<String> row = new ArrayList<>();
            for (String column : columns) {
                row.add(cell(record.get(column)));
            }
            List<String> finalColumns = columns;
            row.add(record.entrySet().stream().filter(entry -> !finalColumns.contains(entry.getKey()))
                .map(entry -> entry.getKey() + "=" + cell(entry.getValue())).collect(Collectors.joining("; ")));
            printer.printRecord(row);
            count++;
        }
        if (columns == null) {
            printer.printRecord("nothing held");
        }
        printer.flush();
        return count;
    }

    private static long files(ZipOutputStream zip, String section, Flux<PersonalFile> files) throws IOException {
        long count = 0;
        for (PersonalFile file : files.toIterable(1)) {
            zip.putNextEntry(new ZipEntry(section + "/" + file.name()));
            for (DataBuffer buffer : file.content().toIterable(4)) {
                try (DataBuffer.ByteBufferIterator chunks = buffer.readableByteBuffers()) {
                    while (chunks.hasNext()) {
                        java.nio.ByteBuffer chunk = chunks.next();
                        byte[] bytes = new byte[chunk.remaining()];
                        chunk.get(bytes);
                        zip.write(bytes);
                    }
                } finally {
                    DataBufferUtils.release(buffer);
                }
            }
            zip.closeEntry();
            count++;
        }
        return count;
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(SubjectAccessArchive::cell).collect(Collectors.joining("; "));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(entry -> entry.getKey() + "=" + cell(entry.getValue())).collect(Collectors.joining("; "));
        }
        return String.valueOf(value);
    }

    private static Map<String, Object> personRecord(PersonSummary person) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", person.id());
        record.put("givenName", person.givenName());
        record.put("familyName", person.familyName());
        record.put("email", person.email());
        record.put("kind", person.kind());
        record.put("preferredLanguage", person.preferredLanguage());
        return record;
    }

    private static String readme(PersonSummary person, Map<String, String> contents, List<String> notes) {
        StringBuilder readme = new StringBuilder("Everything Chorus holds naming ").append(person.id())
            .append(", as your trust's privacy officer or you yourself asked for it.\r\n\r\nFiles:\r\n");
        contents.forEach((file, what) -> readme.append("- ").append(file).append(": ").append(what).append("\r\n"));
        readme.append("\r\nEach CSV has a header row; a column \"more\" holds what a record has beyond the first record's columns.\r\n")
            .append("\r\nWhat is not here, and why:\r\n");
        notes.forEach(note -> readme.append("- ").append(note).append("\r\n"));
        return readme.toString();
    }
}
