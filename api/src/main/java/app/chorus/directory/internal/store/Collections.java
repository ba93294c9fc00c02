package app.chorus.directory.internal.store;

/** The directory's collections; no other module reads them. */
public final class Collections {

    public static final String ORGS = "directory_orgs";
    public static final String CLASSES = "directory_classes";
    public static final String PEOPLE = "directory_people";
    public static final String SESSIONS = "directory_sessions";
    public static final String META = "directory_meta";

    private Collections() {
    }
}
