package app.chorus.consultations.internal;

import app.chorus.shared.PositionCursor;
import app.chorus.directory.AudienceRole;
import app.chorus.identity.CurrentUser;
import app.chorus.shared.Page;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Threaded comments on a consultation and its ideas, with a stance, replies two levels deep; edits are marked
 * and screened again. Threads page by their top comments (oldest first), each with its replies.
 */
@Service
public class Deliberation {

    private final ReactiveMongoTemplate mongo;
    private final ConsultationAccess access;
    private final IdeaManagement ideas;
    private final Participants participants;
    private final ModerationGate moderation;
    private final LocalEditions editions;
    private final Replays replays;
    private final Clock clock;

    Deliberation(ReactiveMongoTemplate mongo, ConsultationAccess access, IdeaManagement ideas, Participants participants,
                 ModerationGate moderation, LocalEditions editions, Replays replays, ObjectProvider<Clock> clock) {
        this.replays = replays;
        this.mongo = mongo;
        this.access = access;
        this.ideas = ideas;
        this.participants = participants;
        this.moderation = moderation;
        this.editions = editions;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public Mono<CommentView> comment(CurrentUser user, String consultationId, String as, CommentInput input, String idempotencyKey) {
        input.requireValid();
        if (idempotencyKey == null) {
            // a fresh id: no earlier request can have stored it, so there is nothing to look up
            return replays.idFor(user.subject(), null).flatMap(id -> write(user, consultationId, as, input, id));
        }
        return replays.idFor(user.subject(), idempotencyKey).flatMap(id -> mongo.findById(id, Comment.class)
            .map(replayed -> CommentView.of(replayed, user.personId(), List.of()))
            .switchIfEmpty(Mono.defer(() -> write(user, consultationId, as, input, id))));
    }

    private Mono<CommentView> write(CurrentUser user, String consultationId, String as, CommentInput input, String id) {
        return access.reader(user, consultationId).flatMap(reader -> {
            Consultation consultation = reader.consultation();
            Voice voice = reader.voice(as);
            consultation.requireDiscussionOpen(clock.instant());
            return editions.requireOpenFor(consultation, voice, clock.instant()).then(access.oldEnough(voice))
                .then(ideaOf(consultationId, input, reader))
                .then(parentOf(consultationId, input, reader))
                .defaultIfEmpty(NO_PARENT)
                .flatMap(parent -> write(reader, voice, id, input, parent))
                .flatMap(comment -> participants.tookPart(consultationId, voice, clock.instant()).thenReturn(comment))
                .onErrorResume(DuplicateKeyException.class, replay -> mongo.findById(id, Comment.class))
                .map(comment -> CommentView.of(comment, user.personId(), List.of()));
        });
    }

    public Mono<CommentView> edit(CurrentUser user, String consultationId, String commentId, String body) {
        new CommentInput(null, null, null, body).requireValid();
        return access.reader(user, consultationId).flatMap(reader -> mongo.findById(commentId, Comment.class)
            .filter(comment -> comment.consultationId().equals(consultationId) && user.personId() != null
                && user.personId().equals(comment.authorId()))
            .switchIfEmpty(Mono.error(() -> Problems.invalid("commentId", "not-your-comment", "You can edit only your own comments.")))
            .flatMap(comment -> {
                reader.consultation().requireDiscussionOpen(clock.instant());
                return moderation.submit(ModerationGate.COMMENT, commentId, reader.consultation().title(reader.consultation().defaultLanguage()),
                        body, reader.consultation().schoolId(), reader.safeguardingSchools(), comment.authorId(), comment.byPupil())
                    .flatMap(visibility -> mongo.save(new Comment(comment.id(), comment.consultationId(), comment.ideaId(),
                        comment.parentId(), comment.rootId(), comment.depth(), comment.stance(), body, comment.authorId(),
                        comment.authorLabel(), comment.byPupil(), visibility, true, comment.createdAt(), clock.instant())));
            })
            .map(saved -> CommentView.of(saved, user.personId(), List.of())));
    }

    /** Someone who can see the comment reports it to moderation. */
    public Mono<IdeaManagement.Report> report(CurrentUser user, String consultationId, String commentId, String reason) {
        return access.reader(user, consultationId).flatMap(reader -> mongo.findById(commentId, Comment.class)
            .filter(comment -> comment.consultationId().equals(consultationId)
                && (Visibility.shown(comment.visibility()) || reader.manages()))
            .switchIfEmpty(Mono.error(() -> app.chorus.shared.Problem.notFound("Comment " + commentId)
                .with("field", "commentId").with("rule", "unknown-comment")))
            .flatMap(comment -> moderation.report(ModerationGate.COMMENT, commentId, user.personId(), reason))
            .map(visibility -> new IdeaManagement.Report(commentId, visibility)));
    }

    /** A page of threads (top comments oldest first, with their replies) on the consultation or one idea. */
    public Mono<Page<CommentView>> threads(CurrentUser user, String consultationId, String ideaId, String cursor, int limit) {
        int size = PositionCursor.atMost(limit, 50);
        return access.reader(user, consultationId).flatMap(reader -> {
            Criteria tops = Criteria.where("consultationId").is(consultationId).and("ideaId").is(ideaId).and("depth").is(0);
            if (cursor != null) {
                tops = tops.and("_id").gt(cursor);
            }
            Query page = Query.query(new Criteria().andOperator(tops, visibleTo(reader))).with(Sort.by("_id")).limit(size + 1);
            return mongo.find(page, Comment.class).collectList().flatMap(found -> {
                List<Comment> shown = found.subList(0, Math.min(size, found.size()));
                String next = found.size() > size ? shown.get(shown.size() - 1).id() : null;
                return repliesTo(shown, reader).map(replies -> Page.of(shown.stream()
                    .map(top -> threadOf(top, replies, reader.personId())).toList(), next));
            });
        });
    }

    private Mono<Map<String, List<Comment>>> repliesTo(List<Comment> tops, Reader reader) {
        List<String> roots = tops.stream().map(Comment::id).toList();
        Query replies = Query.query(new Criteria().andOperator(Criteria.where("rootId").in(roots).and("depth").gt(0), visibleTo(reader)))
            .with(Sort.by("_id"));
        return mongo.find(replies, Comment.class).collect(Collectors.groupingBy(Comment::parentId));
    }

    private static CommentView threadOf(Comment comment, Map<String, List<Comment>> byParent, String personId) {
        List<CommentView> replies = new ArrayList<>();
        byParent.getOrDefault(comment.id(), List.of()).forEach(reply -> replies.add(threadOf(reply, byParent, personId)));
        return CommentView.of(comment, personId, replies);
    }

    private static Criteria visibleTo(Reader reader) {
        if (reader.manages()) {
            return new Criteria();
        }
        Criteria shown = Criteria.where("visibility").is(Visibility.SHOWN);
        return reader.personId() == null ? shown : new Criteria().orOperator(shown, Criteria.where("authorId").is(reader.personId()));
    }

    private Mono<Void> ideaOf(String consultationId, CommentInput input, Reader reader) {
        return input.ideaId() == null ? Mono.empty() : ideas.readable(consultationId, input.ideaId(), reader).then();
    }

    private Mono<Comment> parentOf(String consultationId, CommentInput input, Reader reader) {
        if (input.parentId() == null) {
            return Mono.empty();
        }
        return mongo.findById(input.parentId(), Comment.class)
            .filter(parent -> parent.consultationId().equals(consultationId)
                && java.util.Objects.equals(parent.ideaId(), input.ideaId()))
            .switchIfEmpty(Mono.error(() -> Problems.invalid("parentId", "unknown-comment",
                "Reply to a comment of the same consultation (and idea).")))
            .flatMap(parent -> parent.depth() >= Comment.DEEPEST
                ? Mono.error(Problems.invalid("parentId", "replies-two-levels-deep",
                    "Replies go two levels deep: reply to the comment above this one instead."))
                : Mono.just(parent));
    }

    private Mono<Comment> write(Reader reader, Voice voice, String id, CommentInput input, Comment parent) {
        boolean byPupil = voice.role() == AudienceRole.PUPILS;
        Consultation consultation = reader.consultation();
        String label = consultation.anonymous() ? "A participant" : voice.role() == AudienceRole.CARERS
            ? "Carer of a child at " + voice.label().replaceAll(".*\\((.*)\\)", "$1") : voice.role().key().equals("staff") ? "Staff" : "Pupil";
        boolean top = parent == NO_PARENT;
        return moderation.submit(ModerationGate.COMMENT, id, consultation.title(consultation.defaultLanguage()), input.body(),
                consultation.schoolId(), reader.safeguardingSchools(), reader.personId(), byPupil)
            .flatMap(visibility -> mongo.insert(new Comment(id, consultation.id(), input.ideaId(), top ? null : parent.id(),
                top ? id : parent.rootId(), top ? 0 : parent.depth() + 1,
                input.stance() == null ? Comment.Stance.NEUTRAL : input.stance(), input.body(), reader.personId(), label,
                byPupil, visibility, false, clock.instant(), null)));
    }

    private static final Comment NO_PARENT = new Comment(null, null, null, null, null, -1, null, null, null, null, false,
        null, false, null, null);
}
