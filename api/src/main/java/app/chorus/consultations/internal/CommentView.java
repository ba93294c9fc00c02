package app.chorus.consultations.internal;

import java.time.Instant;
import java.util.List;

/** A comment with its replies, as a reader sees it. */
public record CommentView(String id, String ideaId, String parentId, int depth, Comment.Stance stance, String body,
                          String author, boolean mine, boolean edited, boolean shownToOthers, Instant createdAt,
                          List<CommentView> replies) {

    static CommentView of(Comment comment, String personId, List<CommentView> replies) {
        return new CommentView(comment.id(), comment.ideaId(), comment.parentId(), comment.depth(), comment.stance(),
            comment.body(), comment.authorLabel(), personId != null && personId.equals(comment.authorId()), comment.edited(),
            Visibility.shown(comment.visibility()), comment.createdAt(), replies);
    }
}
