package app.chorus.directory.internal.oneroster;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.directory.RosterFileSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;
import org.junit.jupiter.api.Test;

/** Real MIS exports differ from the specification's examples in ways that must not matter. */
class DataManagerImportsAnExportAsItsMisWroteItTests {

    private static final CSVFormat CRLF = CSVFormat.RFC4180;

    @Test
    void windowsLineEndingsWithoutAFinalLineBreakReadAsTheSameTrust() {
        assertSameTrust(RosterFileSet.demoTrust().rewrite(CRLF, false, (line, fields) -> fields));
    }

    @Test
    void unixLineEndingsReadAsTheSameTrust() {
        assertSameTrust(RosterFileSet.demoTrust().rewrite(CRLF.builder().setRecordSeparator("\n").get(), false, (line, fields) -> fields));
    }

    @Test
    void aByteOrderMarkInFrontOfEveryFileIsSkipped() {
        assertSameTrust(RosterFileSet.demoTrust().withByteOrderMarks());
    }

    @Test
    void everyFieldQuotedReadsAsTheSameTrust() {
        assertSameTrust(RosterFileSet.demoTrust().rewrite(CRLF.builder().setQuoteMode(QuoteMode.ALL).get(), true, (line, fields) -> fields));
    }

    @Test
    void headerNamesInAnotherCaseAreMatched() {
        assertSameTrust(RosterFileSet.demoTrust().rewrite(CRLF, true,
            (line, fields) -> line == 1 ? fields.stream().map(name -> name.toUpperCase(Locale.ROOT)).toList() : fields));
    }

    @Test
    void extensionColumnsAreIgnored() {
        assertSameTrust(RosterFileSet.demoTrust().rewrite(CRLF, true, (line, fields) -> {
            List<String> extended = new ArrayList<>(fields);
            extended.add(line == 1 ? "metadata.sims.upn" : "A12345678901" + line);
            extended.add(line == 1 ? "ext_houseGroup" : "Red, Blue");
            return extended;
        }));
    }

    @Test
    void aHeaderOnlyFileListedAsBulkReadsAsNoRows() {
        RosterFileSet files = RosterFileSet.demoTrust();
        String header = files.read("enrollments.csv").split("\r\n")[0];
        files.edit("enrollments.csv", csv -> header);
        RosterReader.Result read = read(files);
        assertThat(read.problems()).isEmpty();
        assertThat(read.roster().enrollments).isEmpty();
        assertThat(read.roster().users).hasSameSizeAs(read(RosterFileSet.demoTrust()).roster().users);
    }

    @Test
    void userProfilesAndDemographicsListedInTheManifestAreIgnored() {
        RosterFileSet files = RosterFileSet.demoTrust()
            .edit("manifest.csv", csv -> csv.replace("file.demographics,absent", "file.demographics,bulk")
                .replace("file.userProfiles,absent", "file.userProfiles,bulk"))
            .write("demographics.csv", "sourcedId,status,dateLastModified,birthDate,sex\r\npup-000001,active,,2019-04-02,male\r\n".getBytes())
            .write("userProfiles.csv", "sourcedId,status,dateLastModified,userSourcedId,profileType,vendorId\r\n".getBytes());
        assertSameTrust(files);
    }

    private static void assertSameTrust(RosterFileSet files) {
        Roster expected = read(RosterFileSet.demoTrust()).roster();
        RosterReader.Result read = read(files);
        assertThat(read.problems()).isEmpty();
        Roster roster = read.roster();
        assertThat(roster.orgs).isEqualTo(expected.orgs);
        assertThat(roster.sessions).isEqualTo(expected.sessions);
        assertThat(roster.users).isEqualTo(expected.users);
        assertThat(roster.classes).isEqualTo(expected.classes);
        assertThat(roster.roles).isEqualTo(expected.roles);
        assertThat(roster.enrollments).isEqualTo(expected.enrollments);
        assertThat(roster.users.get("car-000001").givenName()).isEqualTo("Sarah");
    }

    static RosterReader.Result read(RosterFileSet files) {
        return new RosterReader(files.dir, rows -> { }).read();
    }
}
