package app.chorus.directory;

import app.chorus.testing.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * A small school's own export whose one pupil, Mia, has two carers on the roster: her mother (role {@code parent}) and
 * her grandmother (role {@code relative}); imported, and taken out again, as a trust admin does.
 */
public final class FamilyWithAGrandmother {

    public static final String SCHOOL = "sch-191";
    public static final String PUPIL = "pup-sch-191-1";
    public static final String MOTHER = "car-sch-191-mother";
    public static final String GRANDMOTHER = "car-sch-191-gran";

    private FamilyWithAGrandmother() {
    }

    public static void imported(WebTestClient web) {
        upload(web, false);
    }

    public static void removed(WebTestClient web) {
        upload(web, true);
    }

    private static void upload(WebTestClient web, boolean removed) {
        try {
            Path dir = Files.createTempDirectory("family-with-a-grandmother-");
            Files.writeString(dir.resolve("manifest.csv"), "propertyName,value\r\nmanifest.version,1.0\r\noneroster.version,1.2\r\n"
                + "file.orgs,bulk\r\nfile.users,bulk\r\n" + (removed ? "" : "file.roles,bulk\r\nfile.classes,bulk\r\nfile.enrollments,bulk\r\n"));
            Files.writeString(dir.resolve("orgs.csv"), "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n"
                + "trust,active,2026-09-01T07:00:00Z,Northern Lights Learning Trust,district,TR0001,\r\n"
                + SCHOOL + "," + (removed ? "tobedeleted" : "active") + ",,Willow Bank Primary,school,,trust\r\n");
            String users = "sourcedId,status,dateLastModified,enabledUser,givenName,familyName,agentSourcedIds,grades\r\n";
            if (!removed) {
                users += PUPIL + ",active,,true,Mia,Hart,\"" + MOTHER + "," + GRANDMOTHER + "\",03\r\n"
                    + MOTHER + ",active,,true,Jo,Hart," + PUPIL + ",\r\n"
                    + GRANDMOTHER + ",active,,true,Ruth,Hart," + PUPIL + ",\r\n";
                Files.writeString(dir.resolve("roles.csv"), "sourcedId,status,dateLastModified,userSourcedId,roleType,role,orgSourcedId\r\n"
                    + "rol-sch-191-1,active,," + PUPIL + ",primary,student," + SCHOOL + "\r\n"
                    + "rol-sch-191-2,active,," + MOTHER + ",primary,parent," + SCHOOL + "\r\n"
                    + "rol-sch-191-3,active,," + GRANDMOTHER + ",primary,relative," + SCHOOL + "\r\n");
                Files.writeString(dir.resolve("classes.csv"), "sourcedId,status,dateLastModified,title,grades,classCode,classType,schoolSourcedId\r\n"
                    + "cls-sch-191-3H,active,,3H,03,3H,homeroom," + SCHOOL + "\r\n");
                Files.writeString(dir.resolve("enrollments.csv"), "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role\r\n"
                    + "enr-sch-191-1,active,,cls-sch-191-3H," + SCHOOL + "," + PUPIL + ",student\r\n");
            }
            Files.writeString(dir.resolve("users.csv"), users);
            MultipartBodyBuilder body = new MultipartBodyBuilder();
            try (var files = Files.list(dir)) {
                files.forEach(file -> body.part("files", new FileSystemResource(file)).filename(file.getFileName().toString()));
            }
            web.post().uri("/api/v1/directory/imports?confirmDeletions=true").header("Authorization", Tokens.bearer("leader.trust"))
                .body(BodyInserters.fromMultipartData(body.build())).exchange().expectStatus().isOk();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
