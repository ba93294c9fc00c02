package app.chorus.accounts;

import app.chorus.testing.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** A small school's own OneRoster export (a head, and families of a pupil and a carer with an email), imported as a trust admin does. */
final class SmallSchool {

    static final String ID = "sch-181";
    static final String HEAD = "stf-sch-181-head";

    private SmallSchool() {
    }

    static String pupil(int family) {
        return "pup-" + ID + "-" + family;
    }

    static String carer(int family) {
        return "car-" + ID + "-" + family;
    }

    static String carerEmail(int family) {
        return "carer" + family + ".sch181@families.example";
    }

    /** Imports the school with these families (numbers); confirms deletions, as a trust admin who means them does. */
    static void importWith(WebTestClient web, List<Integer> families) {
        importWith(web, families, List.of());
    }

    /** As {@link #importWith(WebTestClient, List)}, with the carers of {@code switchedOff} families marked enabledUser=false. */
    static void importWith(WebTestClient web, List<Integer> families, List<Integer> switchedOff) {
        StringBuilder users = new StringBuilder("sourcedId,status,dateLastModified,enabledUser,username,givenName,familyName,email,agentSourcedIds,grades\r\n");
        StringBuilder roles = new StringBuilder("sourcedId,status,dateLastModified,userSourcedId,roleType,role,orgSourcedId\r\n");
        StringBuilder enrollments = new StringBuilder("sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role\r\n");
        users.append(HEAD).append(",active,,true,,Ada,Head,head.sch181@school.example,,\r\n");
        roles.append("rol-").append(HEAD).append(",active,,").append(HEAD).append(",primary,principal,").append(ID).append("\r\n");
        for (int i : families) {
            users.append(pupil(i)).append(",active,,true,,Pupil").append(i).append(",Family").append(i).append(",,").append(carer(i)).append(",04\r\n");
            users.append(carer(i)).append(",active,,").append(!switchedOff.contains(i)).append(",,Carer").append(i).append(",Family").append(i).append(',').append(carerEmail(i))
                .append(',').append(pupil(i)).append(",\r\n");
            roles.append("rol-").append(pupil(i)).append(",active,,").append(pupil(i)).append(",primary,student,").append(ID).append("\r\n");
            roles.append("rol-").append(carer(i)).append(",active,,").append(carer(i)).append(",primary,parent,").append(ID).append("\r\n");
            enrollments.append("enr-").append(pupil(i)).append(",active,,cls-sch-181-4A,").append(ID).append(',').append(pupil(i)).append(",student\r\n");
        }
        upload(web, false, users, roles, enrollments);
    }

    /**
     * The trust admin's manual sync, answering its report. It waits for the sync an import started, each reading the
     * whole demo roster (the first in a fresh realm creates every account): minutes on a busy machine.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> sync(WebTestClient web) {
        return web.mutate().responseTimeout(Duration.ofMinutes(5)).build().post().uri("/api/v1/directory/accounts/sync")
            .header("Authorization", Tokens.bearer("leader.trust"))
            .exchange()
            .expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody();
    }

    /** The export that takes the school out of the trust again. */
    static void remove(WebTestClient web) {
        upload(web, true, new StringBuilder("sourcedId,status,dateLastModified,enabledUser,givenName,familyName\r\n"), null, null);
    }

    private static void upload(WebTestClient web, boolean removed, CharSequence users, CharSequence roles, CharSequence enrollments) {
        try {
            Path dir = Files.createTempDirectory("small-school-");
            Files.writeString(dir.resolve("manifest.csv"), "propertyName,value\r\nmanifest.version,1.0\r\noneroster.version,1.2\r\n"
                + "file.orgs,bulk\r\nfile.users,bulk\r\n" + (removed ? "" : "file.roles,bulk\r\nfile.classes,bulk\r\nfile.enrollments,bulk\r\n"));
            Files.writeString(dir.resolve("orgs.csv"), "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n"
                + "trust,active,2026-09-01T07:00:00Z,Northern Lights Learning Trust,district,TR0001,\r\n"
                + ID + "," + (removed ? "tobedeleted" : "active") + ",,Rowan Small School,school,,trust\r\n");
            Files.writeString(dir.resolve("users.csv"), users);
            if (!removed) {
                Files.writeString(dir.resolve("roles.csv"), roles);
                Files.writeString(dir.resolve("enrollments.csv"), enrollments);
                Files.writeString(dir.resolve("classes.csv"), "sourcedId,status,dateLastModified,title,grades,classCode,classType,schoolSourcedId\r\n"
                    + "cls-sch-181-4A,active,,4A,04,4A,homeroom," + ID + "\r\n");
            }
            MultipartBodyBuilder body = new MultipartBodyBuilder();
            try (var files = Files.list(dir)) {
                files.forEach(file -> body.part("files", new FileSystemResource(file)).filename(file.getFileName().toString()));
            }
            web.post().uri("/api/v1/directory/imports?confirmDeletions=true")
                .header("Authorization", Tokens.bearer("leader.trust"))
                .body(BodyInserters.fromMultipartData(body.build()))
                .exchange()
                .expectStatus().isOk();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
