package app.chorus.directory;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A mother with a son at Elm Tree and a daughter at Hazel Wood is in both schools' own exports, each listing only its
 * own child: imported one after the other, and the first again, she keeps both children (each school's import finds
 * what the other school's set says about her).
 */
@ApiTest
class CarerWithChildrenAtTwoSchoolsKeepsBothTests {

    static final String MOTHER = "car-shared-mother";

    @Autowired
    WebTestClient web;
    @Autowired
    DirectoryQueries directory;

    @AfterEach
    void takeTheSchoolsOutAgain() {
        RosterUploads.files(web, SchoolExport.removal("sch-104", "Elm Tree Juniors").dir, "confirmDeletions=true").expectStatus().isOk();
        RosterUploads.files(web, SchoolExport.removal("sch-105", "Hazel Wood Infants").dir, "confirmDeletions=true").expectStatus().isOk();
    }

    @Test
    void eachSchoolsImportKeepsTheChildTheOtherSchoolListed() {
        RosterUploads.files(web, withTheMother("sch-104", "Elm Tree Juniors", "Sam", "05").dir, "").expectStatus().isOk();
        RosterUploads.files(web, withTheMother("sch-105", "Hazel Wood Infants", "Lily", "01").dir, "").expectStatus().isOk();
        assertThat(children()).containsExactly("Lily at sch-105", "Sam at sch-104");

        RosterUploads.files(web, withTheMother("sch-104", "Elm Tree Juniors", "Sam", "05").dir, "")
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.changes.people.updated").isEqualTo(0)
            .jsonPath("$.changes.people.deleted").isEqualTo(0);
        assertThat(children()).containsExactly("Lily at sch-105", "Sam at sch-104");
    }

    private List<String> children() {
        return directory.pupilsCaredFor(MOTHER).map(child -> child.givenName() + " at " + child.schoolId()).sort().collectList().block();
    }

    static RosterFileSet withTheMother(String school, String name, String child, String year) {
        String pupil = "pup-" + school + "-" + child.toLowerCase();
        return SchoolExport.files(school, name, false)
            .write("users.csv", SchoolExport.bytes("sourcedId,status,dateLastModified,enabledUser,givenName,familyName,agentSourcedIds,grades\r\n"
                + pupil + ",active,,true," + child + ",Okafor," + MOTHER + "," + year + "\r\n"
                + MOTHER + ",active,,true,Grace,Okafor," + pupil + ",\r\n"))
            .write("roles.csv", SchoolExport.bytes("sourcedId,status,dateLastModified,userSourcedId,roleType,role,orgSourcedId\r\n"
                + "rol-" + pupil + ",active,," + pupil + ",primary,student," + school + "\r\n"
                + "rol-" + school + "-mother,active,," + MOTHER + ",primary,parent," + school + "\r\n"))
            .write("classes.csv", SchoolExport.bytes("sourcedId,status,dateLastModified,title,grades,classCode,classType,schoolSourcedId\r\n"
                + "cls-" + school + "-" + year + ",active,,Class " + year + "," + year + "," + year + ",homeroom," + school + "\r\n"))
            .write("enrollments.csv", SchoolExport.bytes("sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role\r\n"
                + "enr-" + pupil + ",active,,cls-" + school + "-" + year + "," + school + "," + pupil + ",student\r\n"));
    }
}
