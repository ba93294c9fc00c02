package app.chorus.directory;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A small school's own export whose one pupil, Mia, has two carers on the roster: her mother (role {@code parent}) and
 * her grandmother (role {@code relative}). As a JUnit extension: imported before each test, as a trust admin does, and
 * taken out again after it.
 */
public final class FamilyWithAGrandmother implements BeforeEachCallback, AfterEachCallback {

    public static final String SCHOOL = "sch-191";
    public static final String PUPIL = "pup-sch-191-1";
    public static final String MOTHER = "car-sch-191-mother";
    public static final String GRANDMOTHER = "car-sch-191-gran";

    @Override
    public void beforeEach(ExtensionContext context) {
        RosterFileSet files = SchoolExport.files(SCHOOL, "Willow Bank Primary", false)
            .write("users.csv", SchoolExport.bytes("sourcedId,status,dateLastModified,enabledUser,givenName,familyName,agentSourcedIds,grades\r\n"
                + PUPIL + ",active,,true,Mia,Hart,\"" + MOTHER + "," + GRANDMOTHER + "\",03\r\n"
                + MOTHER + ",active,,true,Jo,Hart," + PUPIL + ",\r\n"
                + GRANDMOTHER + ",active,,true,Ruth,Hart," + PUPIL + ",\r\n"))
            .write("roles.csv", SchoolExport.bytes("sourcedId,status,dateLastModified,userSourcedId,roleType,role,orgSourcedId\r\n"
                + "rol-sch-191-1,active,," + PUPIL + ",primary,student," + SCHOOL + "\r\n"
                + "rol-sch-191-2,active,," + MOTHER + ",primary,parent," + SCHOOL + "\r\n"
                + "rol-sch-191-3,active,," + GRANDMOTHER + ",primary,relative," + SCHOOL + "\r\n"))
            .write("classes.csv", SchoolExport.bytes("sourcedId,status,dateLastModified,title,grades,classCode,classType,schoolSourcedId\r\n"
                + "cls-sch-191-3H,active,,3H,03,3H,homeroom," + SCHOOL + "\r\n"))
            .write("enrollments.csv", SchoolExport.bytes("sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role\r\n"
                + "enr-sch-191-1,active,,cls-sch-191-3H," + SCHOOL + "," + PUPIL + ",student\r\n"));
        RosterUploads.files(web(context), files.dir, "").expectStatus().isOk();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        RosterUploads.files(web(context), SchoolExport.removal(SCHOOL, "Willow Bank Primary").dir, "confirmDeletions=true")
            .expectStatus().isOk();
    }

    private static WebTestClient web(ExtensionContext context) {
        return SpringExtension.getApplicationContext(context).getBean(WebTestClient.class);
    }
}
