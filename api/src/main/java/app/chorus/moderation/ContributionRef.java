package app.chorus.moderation;

/** Names something a person wrote: the owning module's kind ({@code idea}, {@code consultation-comment}) and id. */
public record ContributionRef(String kind, String id) {

    public ContributionRef {
        if (kind == null || kind.isBlank() || kind.contains(":") || id == null || id.isBlank()) {
            throw new IllegalArgumentException("A contribution needs a kind without ':' and an id");
        }
    }

    public String key() {
        return kind + ":" + id;
    }
}
