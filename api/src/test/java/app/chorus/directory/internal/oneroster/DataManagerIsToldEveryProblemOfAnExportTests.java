package app.chorus.directory.internal.oneroster;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.directory.RosterFileSet;
import java.nio.charset.Charset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every defect of an export is listed with file, line, column and what to do, all of them at once. */
class DataManagerIsToldEveryProblemOfAnExportTests {

    @Test
    void aMisspeltRequiredColumnSuggestsTheRightName() {
        RosterFileSet files = RosterFileSet.demoTrust().edit("classes.csv", csv -> csv.replaceFirst("schoolSourcedId", "schoolSourceId"));
        assertThat(problems(files)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("classes.csv");
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.column()).isEqualTo("schoolSourcedId");
            assertThat(p.problem()).contains("did you mean 'schoolSourceId'?");
        });
    }

    @Test
    void aBlankHeaderCellIsReportedByItsPosition() {
        RosterFileSet files = RosterFileSet.demoTrust().edit("orgs.csv", csv -> csv.replaceFirst(",identifier,", ",,"));
        assertThat(problems(files)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("orgs.csv");
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.column()).isEqualTo("column 6");
            assertThat(p.problem()).contains("has no name");
        });
    }

    @Test
    void aShiftJisFileIsNamedAndTheFixIsToReExportAsUtf8() {
        RosterFileSet files = RosterFileSet.demoTrust();
        long line = files.lineOf("users.csv", "stf-00004,");
        String users = files.read("users.csv").replace("Grace,Mensah", "めぐみ,山田");
        files.write("users.csv", users.getBytes(Charset.forName("Shift_JIS")));
        assertThat(problems(files)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("users.csv");
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.problem()).contains("not UTF-8").contains("Shift_JIS");
            assertThat(p.fix()).contains("re-export it as UTF-8");
        });
    }

    @Test
    void aWindows1252FileIsNamed() {
        RosterFileSet files = RosterFileSet.demoTrust();
        long line = files.lineOf("users.csv", "stf-00004,");
        files.write("users.csv", files.read("users.csv").replace("Grace,Mensah", "Zoë,Brontë").getBytes(Charset.forName("windows-1252")));
        assertThat(problems(files)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.problem()).contains("windows-1252");
        });
    }

    @Test
    void aDateInAnotherFormQuotesTheValueAndTheExpectedForm() {
        RosterFileSet files = RosterFileSet.demoTrust().edit("academicSessions.csv", csv -> csv.replace("2026-09-01,2027-07-22", "01/09/2026,2027-07-22"));
        assertThat(problems(files)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("academicSessions.csv");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo("startDate");
            assertThat(p.problem()).contains("'01/09/2026'").contains("YYYY-MM-DD");
            assertThat(p.fix()).contains("2026-09-01");
        });
    }

    @Test
    void aDuplicatedRowIsReportedWithTheLineItRepeats() {
        RosterFileSet files = RosterFileSet.demoTrust();
        String row = files.read("classes.csv").split("\r\n")[3];
        files.edit("classes.csv", csv -> csv + row + "\r\n");
        long last = files.read("classes.csv").split("\r\n").length;
        assertThat(problems(files)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(last);
            assertThat(p.column()).isEqualTo("sourcedId");
            assertThat(p.problem()).contains("appears twice (first on line 4)");
        });
    }

    @Test
    void aReferenceToAPersonWhoIsNotInTheExportIsReported() {
        RosterFileSet files = RosterFileSet.demoTrust();
        long line = files.lineOf("roles.csv", files.read("roles.csv").split("\r\n")[1]);
        files.edit("roles.csv", csv -> csv.replaceFirst("(\r\n[^,]*,[^,]*,[^,]*,)[^,]*,", "$1stf-99999,"));
        assertThat(problems(files)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("roles.csv");
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.column()).isEqualTo("userSourcedId");
            assertThat(p.problem()).contains("'stf-99999' is not a sourcedId in users.csv");
        });
    }

    @Test
    void everyProblemOfEveryFileIsListedTogether() {
        RosterFileSet files = RosterFileSet.demoTrust()
            .edit("classes.csv", csv -> csv.replaceFirst("schoolSourcedId", "schoolSourceId"))
            .edit("academicSessions.csv", csv -> csv.replace("2026-09-01,2027-07-22", "2026-09-01,22.07.2027"))
            .edit("orgs.csv", csv -> csv.replaceFirst(",identifier,", ",,"))
            .edit("manifest.csv", csv -> csv + ",bulk\r\n");
        assertThat(problems(files)).extracting(RosterProblem::file)
            .containsExactlyInAnyOrder("manifest.csv", "orgs.csv", "academicSessions.csv", "classes.csv");
    }

    @Test
    void anUnclosedQuoteIsReportedAtItsRow() {
        RosterFileSet files = RosterFileSet.demoTrust();
        long line = files.lineOf("orgs.csv", "sch-002,");
        files.edit("orgs.csv", csv -> csv.replace("sch-002,active,", "sch-002,\"active,"));
        assertThat(problems(files)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("orgs.csv");
            assertThat(p.line()).isEqualTo(line);
        });
    }

    private static List<RosterProblem> problems(RosterFileSet files) {
        return DataManagerImportsAnExportAsItsMisWroteItTests.read(files).problems();
    }
}
