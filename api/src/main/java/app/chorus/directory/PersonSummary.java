package app.chorus.directory;

/** A person of the directory as other modules see them. */
public record PersonSummary(String id, String givenName, String familyName, String email, String kind,
                            String preferredLanguage) {

    public String displayName() {
        return givenName + " " + familyName;
    }
}
