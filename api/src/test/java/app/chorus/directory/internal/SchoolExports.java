package app.chorus.directory.internal;

import app.chorus.shared.Csv;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Splits a whole trust's OneRoster export into the schools' own exports, as each school's MIS would write them: the
 * trust org and the sessions in every set; a school's classes, enrollments, roles and people in its set; a carer in the
 * set of each school one of their children attends, listing only those children (and that school only as their primary
 * org, and with their carer's role at that school); trust-level staff with the first school.
 */
final class SchoolExports {

    private static final CSVFormat READ = Csv.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get();

    private final Path trust;
    private final List<String> schools = new ArrayList<>();
    private final Map<String, Set<String>> schoolsOfUser = new HashMap<>();
    private static final Set<String> CARER_ROLES = Set.of("parent", "guardian", "relative");

    SchoolExports(Path trust) {
        this.trust = trust;
    }

    /** Writes one folder per school under {@code into}; answers them in school order. */
    List<Path> write(Path into) throws IOException {
        Set<String> schoolOrgs = new LinkedHashSet<>();
        rows("orgs.csv", row -> {
            if (row.get("type").equals("school")) {
                schoolOrgs.add(row.get("sourcedId"));
            }
            return null;
        });
        schools.addAll(schoolOrgs);
        rows("roles.csv", row -> place(row.get("userSourcedId"), row.get("orgSourcedId")));
        rows("enrollments.csv", row -> place(row.get("userSourcedId"), row.get("schoolSourcedId")));
        rows("users.csv", row -> {
            for (String child : agents(row)) {
                schoolsOfUser.getOrDefault(child, Set.of()).forEach(school -> place(row.get("sourcedId"), school));
            }
            return null;
        });
        List<Path> sets = new ArrayList<>();
        for (String school : schools) {
            Path dir = Files.createDirectories(into.resolve(school));
            Files.copy(trust.resolve("manifest.csv"), dir.resolve("manifest.csv"));
            Files.copy(trust.resolve("academicSessions.csv"), dir.resolve("academicSessions.csv"));
            copy("orgs.csv", dir, row -> !row.get("type").equals("school") || row.get("sourcedId").equals(school) ? row.toList() : null);
            copy("classes.csv", dir, row -> row.get("schoolSourcedId").equals(school) ? row.toList() : null);
            copy("enrollments.csv", dir, row -> row.get("schoolSourcedId").equals(school) ? row.toList() : null);
            copy("roles.csv", dir, row -> in(row.get("userSourcedId"), school) ? roleInTheSetOf(row, school) : null);
            copy("users.csv", dir, row -> in(row.get("sourcedId"), school) ? asInTheSetOf(row, school) : null);
            sets.add(dir);
        }
        return sets;
    }

    private Void place(String user, String org) {
        String school = schools.contains(org) ? org : schools.get(0);
        schoolsOfUser.computeIfAbsent(user, k -> new LinkedHashSet<>()).add(school);
        return null;
    }

    private boolean in(String user, String school) {
        return schoolsOfUser.getOrDefault(user, Set.of()).contains(school);
    }

    /**
     * A role as the school's own export lists it: its own school's and the trust's; a carer's role at another school
     * (where their other child is) as the same role at this school, as this school's MIS records the carer.
     */
    private List<String> roleInTheSetOf(CSVRecord row, String school) {
        Map<String, Integer> columns = row.getParser().getHeaderMap();
        String org = row.get("orgSourcedId");
        if (org.equals(school) || !schools.contains(org)) {
            return row.toList();
        }
        if (!CARER_ROLES.contains(row.get("role"))) {
            return null;
        }
        List<String> fields = new ArrayList<>(row.toList());
        fields.set(columns.get("sourcedId"), row.get("sourcedId") + "-" + school);
        fields.set(columns.get("orgSourcedId"), school);
        return fields;
    }

    /** A user as the school's own export lists them: only the agents and the primary school it holds. */
    private List<String> asInTheSetOf(CSVRecord row, String school) {
        List<String> fields = new ArrayList<>(row.toList());
        Map<String, Integer> columns = row.getParser().getHeaderMap();
        List<String> agents = agents(row).stream().filter(agent -> in(agent, school)).toList();
        fields.set(columns.get("agentSourcedIds"), String.join(",", agents));
        String primary = row.get("primaryOrgSourcedId");
        if (schools.contains(primary) && !primary.equals(school)) {
            fields.set(columns.get("primaryOrgSourcedId"), "");
        }
        return fields;
    }

    private static List<String> agents(CSVRecord row) {
        String agents = row.get("agentSourcedIds");
        return agents.isBlank() ? List.of() : List.of(agents.split(","));
    }

    private void rows(String file, Function<CSVRecord, Void> each) throws IOException {
        try (Reader reader = Files.newBufferedReader(trust.resolve(file), StandardCharsets.UTF_8);
             CSVParser csv = READ.parse(reader)) {
            csv.forEach(each::apply);
        }
    }

    private void copy(String file, Path dir, Function<CSVRecord, List<String>> kept) throws IOException {
        try (Reader reader = Files.newBufferedReader(trust.resolve(file), StandardCharsets.UTF_8);
             CSVParser csv = READ.parse(reader);
             Writer writer = Files.newBufferedWriter(dir.resolve(file), StandardCharsets.UTF_8);
             CSVPrinter out = new CSVPrinter(writer, Csv.FORMAT)) {
            out.printRecord(new LinkedHashMap<>(csv.getHeaderMap()).keySet());
            for (CSVRecord row : csv) {
                List<String> fields = kept.apply(row);
                if (fields != null) {
                    out.printRecord(fields);
                }
            }
        }
    }
}
