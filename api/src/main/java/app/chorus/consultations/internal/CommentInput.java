package app.chorus.consultations.internal;

/** A comment as written: on the consultation, or on an idea ({@code ideaId}), or a reply ({@code parentId}). */
public record CommentInput(String ideaId, String parentId, Comment.Stance stance, String body) {

    void requireValid() {
        if (body == null || body.isBlank() || body.length() > 5000) {
            throw Problems.invalid("body", "length-1-5000", "Write 1-5,000 characters.");
        }
    }
}
