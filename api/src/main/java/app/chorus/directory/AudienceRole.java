package app.chorus.directory;

/** Who within a scope an audience addresses. */
public enum AudienceRole {
    CARERS("carers"), STAFF("staff"), PUPILS("pupils");

    private final String key;

    AudienceRole(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
