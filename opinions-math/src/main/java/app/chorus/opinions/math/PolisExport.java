package app.chorus.opinions.math;

import app.chorus.opinions.math.PolisExportException.Problem;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A conversation exported from Polis (its CSV export): {@code comments.csv} and {@code votes.csv}, and when present
 * {@code participants-votes.csv} (only its participant ids are read: Polis's groups are not ours to take) and
 * {@code summary.csv}.
 *
 * @param statements the comments with their creation times and whether they were moderated out
 * @param votes every vote row in file order (repeats included: the replay applies them in time order)
 * @param participants every participant id, voters first seen in votes.csv then any listed only in participants-votes.csv
 * @param summary the summary.csv key/value lines
 */
public record PolisExport(List<Statement> statements, List<TimedVote> votes, Set<String> participants,
        Map<String, String> summary) {

    public record Statement(String id, long createdAt, boolean moderatedOut) {
    }

    public record TimedVote(long at, Vote vote) {
    }

    private static final int MOST_PROBLEMS = 100;
    private static final CSVFormat WITH_HEADER = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    public static PolisExport read(Path folder) throws PolisExportException {
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            throw new PolisExportException(List.of(new Problem(folder.toString(), 0,
                    "not a folder: give the folder holding Polis's comments.csv and votes.csv")));
        }
        List<Statement> statements = new ArrayList<>();
        Set<String> known = new HashSet<>();
        rows(folder, "comments.csv", true, List.of("timestamp", "comment-id", "moderated"), problems, (row, line) -> {
            Long at = number("comments.csv", row, "timestamp", line, problems);
            Long moderated = number("comments.csv", row, "moderated", line, problems);
            String id = row.get("comment-id").trim();
            if (id.isEmpty() || !known.add(id)) {
                problems.add(new Problem("comments.csv", line, "comment-id '" + id + "' is empty or repeated"));
            } else if (at != null && moderated != null) {
                statements.add(new Statement(id, at, moderated == -1));
            }
        });
        List<TimedVote> votes = new ArrayList<>();
        Set<String> participants = new LinkedHashSet<>();
        rows(folder, "votes.csv", true, List.of("timestamp", "comment-id", "voter-id", "vote"), problems, (row, line) -> {
            Long at = number("votes.csv", row, "timestamp", line, problems);
            Long value = number("votes.csv", row, "vote", line, problems);
            String statement = row.get("comment-id").trim();
            String voter = row.get("voter-id").trim();
            if (!known.contains(statement)) {
                problems.add(new Problem("votes.csv", line, "comment-id '" + statement + "' is not in comments.csv"));
            } else if (voter.isEmpty()) {
                problems.add(new Problem("votes.csv", line, "voter-id is empty"));
            } else if (value != null && Math.abs(value) > 1) {
                problems.add(new Problem("votes.csv", line, "vote " + value + " is not 1 (agree), -1 (disagree) or 0 (pass)"));
            } else if (at != null && value != null) {
                participants.add(voter);
                votes.add(new TimedVote(at, new Vote(voter, statement, value.intValue())));
            }
        });
        rows(folder, "participants-votes.csv", false, List.of("participant"), problems,
                (row, line) -> participants.add(row.get("participant").trim()));
        Map<String, String> summary = summary(folder, problems);
        if (!problems.isEmpty()) {
            throw new PolisExportException(problems);
        }
        return new PolisExport(List.copyOf(statements), List.copyOf(votes), participants, summary);
    }

    private static void rows(Path folder, String file, boolean required, List<String> columns, List<Problem> problems,
            BiConsumer<CSVRecord, Long> each) {
        Path path = folder.resolve(file);
        if (!Files.exists(path)) {
            if (required) {
                problems.add(new Problem(file, 0, "missing: a Polis export folder holds comments.csv and votes.csv"));
            }
            return;
        }
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
                CSVParser parser = WITH_HEADER.parse(reader)) {
            List<String> missing = columns.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
            if (!missing.isEmpty()) {
                problems.add(new Problem(file, 1, "header lacks column(s) " + missing + ": is this Polis's " + file + "?"));
                return;
            }
            Iterator<CSVRecord> records = parser.iterator();
            while (problems.size() < MOST_PROBLEMS) {
                long line = parser.getCurrentLineNumber() + 1;
                if (!records.hasNext()) {
                    break;
                }
                CSVRecord row = records.next();
                if (!row.isConsistent()) {
                    problems.add(new Problem(file, line, "has " + row.size() + " fields, the header " + parser.getHeaderMap().size()));
                } else {
                    each.accept(row, line);
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(file, 0, "cannot be read as CSV: " + e.getMessage()));
        }
    }

    private static Long number(String file, CSVRecord row, String column, long line, List<Problem> problems) {
        String text = row.get(column).trim();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            problems.add(new Problem(file, line, column + " '" + text + "' is not a whole number"));
            return null;
        }
    }

    private static Map<String, String> summary(Path folder, List<Problem> problems) {
        Map<String, String> summary = new LinkedHashMap<>();
        Path path = folder.resolve("summary.csv");
        if (!Files.exists(path)) {
            return summary;
        }
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180.parse(reader)) {
            for (CSVRecord row : parser) {
                if (row.size() >= 2) {
                    summary.put(row.get(0), row.get(1));
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem("summary.csv", 0, "cannot be read as CSV: " + e.getMessage()));
        }
        return summary;
    }
}
