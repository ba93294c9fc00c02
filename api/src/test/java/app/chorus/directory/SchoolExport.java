package app.chorus.directory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One school's own OneRoster export, as its MIS would write it: the trust (the same district row as the demo
 * trust's), the school, its head, one class of pupils with a carer each.
 */
final class SchoolExport {

    private SchoolExport() {
    }

    /** The school's whole export; {@code pupilsListed} below {@code pupils} cuts users, roles and enrollments short. */
    static RosterFileSet of(String school, String name, int pupils, int pupilsListed) {
        return of(school, name, pupilsListed, null);
    }

    /**
     * The school's whole export; with {@code sharedCarer}, one more pupil whose carer (that id, the same in every school's
     * export that names it) has a child at other schools of the trust.
     */
    static RosterFileSet of(String school, String name, int pupilsListed, String sharedCarer) {
        StringBuilder users = new StringBuilder("sourcedId,status,dateLastModified,enabledUser,username,givenName,familyName,agentSourcedIds,grades\r\n");
        StringBuilder roles = new StringBuilder("sourcedId,status,dateLastModified,userSourcedId,roleType,role,orgSourcedId\r\n");
        StringBuilder enrollments = new StringBuilder("sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role\r\n");
        String head = "stf-" + school + "-head";
        users.append(head).append(",active,,true,,Ada,Head,,\r\n");
        roles.append("rol-").append(head).append(",active,,").append(head).append(",primary,principal,").append(school).append("\r\n");
        String classId = "cls-" + school + "-4A";
        for (int i = 1; i <= pupilsListed; i++) {
            String pupil = "pup-" + school + "-" + i;
            String carer = "car-" + school + "-" + i;
            users.append(pupil).append(",active,,true,,Pupil").append(i).append(",Family").append(i).append(',').append(carer).append(",04\r\n");
            users.append(carer).append(",active,,true,,Carer").append(i).append(",Family").append(i).append(',').append(pupil).append(",\r\n");
            roles.append("rol-").append(pupil).append(",active,,").append(pupil).append(",primary,student,").append(school).append("\r\n");
            roles.append("rol-").append(carer).append(",active,,").append(carer).append(",primary,parent,").append(school).append("\r\n");
            enrollments.append("enr-").append(pupil).append(",active,,").append(classId).append(',').append(school).append(',')
                .append(pupil).append(",student\r\n");
        }
        if (sharedCarer != null) {
            String pupil = "pup-" + school + "-shared";
            users.append(pupil).append(",active,,true,,Pupil,Shared,").append(sharedCarer).append(",04\r\n");
            users.append(sharedCarer).append(",active,,true,,Carer,Shared,").append(pupil).append(",\r\n");
            roles.append("rol-").append(pupil).append(",active,,").append(pupil).append(",primary,student,").append(school).append("\r\n");
            roles.append("rol-").append(school).append("-shared,active,,").append(sharedCarer).append(",primary,parent,").append(school).append("\r\n");
            enrollments.append("enr-").append(pupil).append(",active,,").append(classId).append(',').append(school).append(',')
                .append(pupil).append(",student\r\n");
        }
        return files(school, name, false).write("users.csv", bytes(users)).write("roles.csv", bytes(roles))
            .write("enrollments.csv", bytes(enrollments))
            .write("classes.csv", bytes(new StringBuilder("sourcedId,status,dateLastModified,title,grades,classCode,classType,schoolSourcedId\r\n")
                .append(classId).append(",active,,4A,04,4A,homeroom,").append(school).append("\r\n")));
    }

    /** The export that takes the school out of the trust again: the school marked tobedeleted, nobody listed. */
    static RosterFileSet removal(String school, String name) {
        return files(school, name, true)
            .write("users.csv", bytes(new StringBuilder("sourcedId,status,dateLastModified,enabledUser,givenName,familyName\r\n")));
    }

    static RosterFileSet files(String school, String name, boolean removed) {
        try {
            Path dir = Files.createTempDirectory("school-export-");
            Files.writeString(dir.resolve("manifest.csv"), "propertyName,value\r\nmanifest.version,1.0\r\noneroster.version,1.2\r\n"
                + "file.orgs,bulk\r\nfile.users,bulk\r\n" + (removed ? "" : "file.roles,bulk\r\nfile.classes,bulk\r\nfile.enrollments,bulk\r\n")
                + "source.systemName,SIMS\r\n");
            Files.writeString(dir.resolve("orgs.csv"), "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n"
                + "trust,active,2026-09-01T07:00:00Z,Northern Lights Learning Trust,district,TR0001,\r\n"
                + school + "," + (removed ? "tobedeleted" : "active") + ",," + name + ",school,,trust\r\n");
            return RosterFileSet.at(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(CharSequence text) {
        return text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static final List<String> NEW_SCHOOLS = List.of("sch-101", "sch-102", "sch-103");
}
