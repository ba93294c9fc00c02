package app.chorus.directory.internal.oneroster;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Streams the rows of one CSV file by column name, reporting every problem with file, line and column. */
final class CsvTable {

    private final String file;
    private final List<RosterProblem> problems;

    CsvTable(String file, List<RosterProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** Reads every row; returns the header, or null when the file could not be read at all. */
    List<String> rows(Path path, List<String> requiredColumns, Consumer<Row> each) {
        try {
            if (Files.size(path) == 0) {
                problem(1, null, "the file is empty (0 bytes): it has not even a header row",
                    "export it again from the MIS, or mark it 'absent' in manifest.csv if it has no data");
                return null;
            }
        } catch (IOException e) {
            problem(0, null, "the file could not be read: " + e.getMessage(), "check the upload is complete");
            return null;
        }
        try (CsvReader csv = new CsvReader(new StrictUtf8Reader(new BufferedInputStream(Files.newInputStream(path), 64 * 1024)))) {
            List<String> header = csv.next();
            if (header == null) {
                problem(1, null, "the file has no header row", "export it again with its header row");
                return null;
            }
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                columns.putIfAbsent(header.get(i).trim(), i);
            }
            boolean complete = true;
            for (String required : requiredColumns) {
                if (!columns.containsKey(required)) {
                    problem(1, required, "the required column '" + required + "' is missing from the header",
                        "add the column '" + required + "' (OneRoster " + file + " columns are named exactly as in the specification)");
                    complete = false;
                }
            }
            if (!complete) {
                return header;
            }
            List<String> fields;
            while ((fields = csv.next()) != null) {
                if (fields.size() == 1 && fields.get(0).isEmpty()) {
                    continue;
                }
                if (fields.size() != header.size()) {
                    problem(csv.line(), null, "the row has " + fields.size() + " fields but the header has " + header.size(),
                        "quote fields that contain commas (\"a,b\") and give every row as many fields as the header");
                    continue;
                }
                each.accept(new Row(csv.line(), columns, fields));
            }
            return header;
        } catch (CsvReader.CsvFailure failure) {
            problem(failure.line, null, failure.getMessage(), failure.encoding
                ? "save the file as UTF-8 (in Excel: 'CSV UTF-8'; most MIS exports in Windows-1252 by default)"
                : "close every quoted field with a quote and double quotes inside quoted fields (\"\")");
            return null;
        } catch (IOException e) {
            problem(0, null, "the file could not be read: " + e.getMessage(), "check the upload is complete");
            return null;
        }
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
            Integer index = columns.get(column);
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
            if (value != null && !allowed.contains(value)) {
                CsvTable.this.problem(line, column, "'" + value + "' is not a valid " + column,
                    "use one of " + String.join(", ", allowed.stream().sorted().toList()) + " (case matters)");
                return null;
            }
            return value;
        }

        /** status: empty or active (kept) or tobedeleted (deleted); returns true for tobedeleted. */
        boolean deleted() {
            String status = optional("status");
            if (status == null || status.equals("active")) {
                return false;
            }
            if (status.equals("tobedeleted")) {
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
                CsvTable.this.problem(line, column, "'" + value + "' is not a date", "write dates as ISO 8601 YYYY-MM-DD, e.g. 2026-09-01");
                return null;
            }
        }

        void dateTime(String column) {
            String value = optional(column);
            if (value == null) {
                return;
            }
            try {
                OffsetDateTime.parse(value);
            } catch (DateTimeParseException e) {
                try {
                    LocalDate.parse(value);
                } catch (DateTimeParseException again) {
                    CsvTable.this.problem(line, column, "'" + value + "' is not a date and time",
                        "write it as ISO 8601, e.g. 2026-09-01T08:00:00Z");
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
