package app.chorus.directory.internal.store;

import java.util.List;
import org.bson.Document;

/** A person document of the directory, as read back. */
public record Person(String id, String kind, String givenName, String familyName, String email, String preferredLanguage,
                     List<String> schoolIds, List<String> leadsSchoolIds, boolean trustLevel, List<String> classIds,
                     String yearGroup, List<Child> children, List<String> audienceKeys, boolean accountDisabled) {

    public Person(String id, String kind, String givenName, String familyName, String email, String preferredLanguage,
                  List<String> schoolIds, List<String> leadsSchoolIds, boolean trustLevel, List<String> classIds,
                  String yearGroup, List<Child> children, List<String> audienceKeys) {
        this(id, kind, givenName, familyName, email, preferredLanguage, schoolIds, leadsSchoolIds, trustLevel, classIds,
            yearGroup, children, audienceKeys, false);
    }

    /**
     * A pupil a carer cares for, copied onto the carer's document by the import, with the carer's relationship to them
     * as the roster says ({@code parent}, {@code guardian} or {@code relative}).
     */
    public record Child(String pupilId, String givenName, String familyName, String schoolId, String yearGroup,
                        List<String> classIds, String relationship) {
    }

    public static Person from(Document doc) {
        List<Child> children = doc.getList("children", Document.class, List.of()).stream()
            .map(c -> new Child(c.getString("pupilId"), c.getString("givenName"), c.getString("familyName"),
                c.getString("schoolId"), c.getString("yearGroup"), c.getList("classIds", String.class, List.of()),
                c.getString("relationship")))
            .toList();
        return new Person(doc.getString("_id"), doc.getString("kind"), doc.getString("givenName"), doc.getString("familyName"),
            doc.getString("email"), doc.getString("preferredLanguage"), doc.getList("schoolIds", String.class, List.of()),
            doc.getList("leadsSchoolIds", String.class, List.of()), doc.getBoolean("trustLevel", false),
            doc.getList("classIds", String.class, List.of()), doc.getString("yearGroup"), children,
            doc.getList("audienceKeys", String.class, List.of()), doc.getBoolean("accountDisabled", false));
    }
}
