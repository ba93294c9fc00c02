package app.chorus.directory.internal.oneroster;

import app.chorus.shared.Csv;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Streams the rows of one CSV file by column name (matched case-insensitively), reporting every problem with file,
 * line and column. RFC 4180 as real exports write it: CRLF or LF, with or without a final line break, a UTF-8
 * byte-order mark, any field quoted. Columns Chorus does not read (extensions such as {@code metadata.*} and
 * {@code ext_*}) are ignored.
 */
final class CsvTable {

    private static final CSVFormat FORMAT = Csv.FORMAT.builder().setIgnoreEmptyLines(true).get();

    private final String file;
    private final List<RosterProblem> problems;

    CsvTable(String file, List<RosterProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** Reads every row; false when the file could not be read (its rows are unknown, so references to it are not checked). */
    boolean rows(Path path, List<String> requiredColumns, Consumer<Row> each) {
        try {
            if (Files.size(path) == 0) {
                problem(1, null, "the file is empty (0 bytes): it has not even a header row",
                    "export it again from the MIS, or mark it 'absent' in manifest.csv if it has no data");
                return false;
            }
            Optional<Encoding.NotUtf8> notUtf8 = Encoding.check(path);
            if (notUtf8.isPresent()) {
                problem(notUtf8.get().line(), null, "the file is not UTF-8: it looks like " + notUtf8.get().looksLike()
                    + " (the first byte that is not UTF-8 is on this line)",
                    "re-export it as UTF-8 (in Excel: 'CSV UTF-8'; in the MIS, choose UTF-8 as the export's encoding)");
                return false;
            }
            return parse(path, requiredColumns, each);
        } catch (IOException | UncheckedIOException e) {
            problem(0, null, "the file could not be read: " + e.getMessage(), "check the upload is complete and export it again");
            return false;
        }
    }

    private boolean parse(Path path, List<String> requiredColumns, Consumer<Row> each) throws IOException {
        try (Reader reader = new InputStreamReader(BOMInputStream.builder().setPath(path).get(),
                 Encoding.strict(StandardCharsets.UTF_8));
             CSVParser csv = FORMAT.parse(reader)) {
            Iterator<CSVRecord> records = csv.iterator();
            long line = 1;
            try {
                if (!records.hasNext()) {
                    problem(1, null, "the file has no header row", "export it again with its header row");
                    return false;
                }
                List<String> header = records.next().toList();
                Map<String, Integer> columns = header(header, requiredColumns);
                if (columns == null) {
                    return false;
                }
                while (true) {
                    line = csv.getCurrentLineNumber() + 1;
                    if (!records.hasNext()) {
                        return true;
                    }
                    CSVRecord record = records.next();
                    if (record.size() != header.size()) {
                        problem(line, null, "the row has " + record.size() + " fields but the header has " + header.size(),
                            "quote fields that contain commas (\"a,b\") and give every row as many fields as the header");
                        continue;
                    }
                    each.accept(new Row(line, columns, record.toList()));
                }
            } catch (UncheckedIOException e) {
                problem(line, null, "the row cannot be read as CSV: " + e.getCause().getMessage(),
                    "close every quoted field with a quote and double the quotes inside quoted fields (\"\")");
                return false;
            }
        }
    }

    /** Column positions by lower-case name, or null (with the problems listed) when the header is unusable. */
    private Map<String, Integer> header(List<String> header, List<String> requiredColumns) {
        Map<String, Integer> columns = new HashMap<>();
        boolean usable = true;
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim();
            if (name.isEmpty()) {
                problem(1, "column " + (i + 1), "column " + (i + 1) + " of the header has no name",
                    "name the column as in the OneRoster specification, or delete it and its values");
                usable = false;
            } else if (columns.putIfAbsent(name.toLowerCase(Locale.ROOT), i) != null) {
                problem(1, name, "the column '" + name + "' appears twice in the header", "keep one column '" + name + "'");
                usable = false;
            }
        }
        for (String required : requiredColumns) {
            if (!columns.containsKey(required.toLowerCase(Locale.ROOT))) {
                problem(1, required, "the required column '" + required + "' is missing from the header" + didYouMean(required, header),
                    "name the column '" + required + "' (OneRoster " + file + " columns are named as in the specification)");
                usable = false;
            }
        }
        return usable ? columns : null;
    }

    private static String didYouMean(String required, List<String> header) {
        LevenshteinDistance distance = new LevenshteinDistance(Math.max(2, required.length() / 3));
        return header.stream().map(String::trim).filter(name -> !name.isEmpty())
            .filter(name -> distance.apply(required.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT)) >= 0)
            .findFirst().map(name -> ": did you mean '" + name + "'?").orElse("");
    }

    void problem(long line, String column, String problem, String fix) {
        problems.add(new RosterProblem(file, line, column, problem, fix));
    }

    /** One data row. Accessors report what is wrong and return null, so validation carries on. */
    final class Row {
        final long line;
        private final Map<String, Integer> columns;
        private final List<String> fields;

        Row(long line, Map<String, Integer> columns, List<String> fields) {
            this.line = line;
            this.columns = columns;
            this.fields = fields;
        }

        String optional(String column) {
            Integer index = columns.get(column.toLowerCase(Locale.ROOT));
            if (index == null) {
                return null;
            }
            String value = fields.get(index).trim();
            return value.isEmpty() ? null : value;
        }

        String required(String column) {
            String value = optional(column);
            if (value == null) {
                CsvTable.this.problem(line, column, "'" + column + "' is empty", "fill in '" + column + "' (it is required)");
            }
            return value;
        }

        String oneOf(String column, Set<String> allowed, boolean required) {
            String value = required ? required(column) : optional(column);
            if (value == null) {
                return null;
            }
            Optional<String> known = allowed.stream().filter(value::equalsIgnoreCase).findFirst();
            if (known.isEmpty()) {
                CsvTable.this.problem(line, column, "'" + value + "' is not a valid " + column,
                    "use one of " + String.join(", ", allowed.stream().sorted().toList()));
            }
            return known.orElse(null);
        }

        /** status: empty or active (kept) or tobedeleted (deleted); returns true for tobedeleted. */
        boolean deleted() {
            String status = optional("status");
            if (status == null || status.equalsIgnoreCase("active")) {
                return false;
            }
            if (status.equalsIgnoreCase("tobedeleted")) {
                return true;
            }
            CsvTable.this.problem(line, "status", "'" + status + "' is not a valid status", "use 'active', 'tobedeleted' or leave it empty");
            return false;
        }

        String date(String column, boolean required) {
            String value = required ? required(column) : optional(column);
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value).toString();
            } catch (DateTimeParseException e) {
                CsvTable.this.problem(line, column, "'" + value + "' is not a date in the form YYYY-MM-DD",
                    "write dates as ISO 8601 YYYY-MM-DD" + Dates.suggestion(value));
                return null;
            }
        }

        /** The column as an instant (a bare date is its start in UTC), or null when empty or not a date-time. */
        Instant dateTime(String column) {
            String value = optional(column);
            if (value == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException again) {
                    CsvTable.this.problem(line, column, "'" + value + "' is not a date and time",
                        "write it as ISO 8601, e.g. 2026-09-01T08:00:00Z");
                    return null;
                }
            }
        }

        List<String> list(String column) {
            String value = optional(column);
            List<String> items = new ArrayList<>();
            if (value != null) {
                for (String item : value.split(",")) {
                    if (!item.isBlank()) {
                        items.add(item.trim());
                    }
                }
            }
            return items;
        }

        void problem(String column, String problem, String fix) {
            CsvTable.this.problem(line, column, problem, fix);
        }
    }
}
