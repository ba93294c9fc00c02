package app.chorus.platform;

import java.util.List;

/**
 * A module's fields sealed by {@link FieldEncryption} in one collection (dotted paths for nested fields), declared so
 * that {@link FieldReencryption} moves them to the primary key after a rotation.
 */
public abstract class SealedFields {

    private final String collection;
    private final List<String> paths;

    protected SealedFields(String collection, String... paths) {
        this.collection = collection;
        this.paths = List.of(paths);
    }

    public String collection() {
        return collection;
    }

    public List<String> paths() {
        return paths;
    }

    /** The place a value is bound to: its collection, document and field. */
    public static String place(String collection, Object id, String path) {
        return collection + "/" + id + "/" + path;
    }
}
