package app.chorus.consultations.internal;

import app.chorus.shared.PositionCursor;
import app.chorus.consultations.Phase;
import app.chorus.directory.AudienceRole;
import app.chorus.identity.CurrentUser;
import app.chorus.platform.ReadsById;
import app.chorus.shared.Page;
import app.chorus.shared.Problem;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Ideas: proposed and supported in the ideas phase by those the consultation asks, merged by its moderators. */
@Service
public class IdeaManagement {

    private final ReactiveMongoTemplate mongo;
    private final ConsultationAccess access;
    private final Supports supports;
    private final IdeaListings listings;
    private final Participants participants;
    private final ModerationGate moderation;
    private final LocalEditions editions;
    private final Clock clock;
    // every support and comment reads its idea: those in flight together share one read (ideas are immutable records)
    private final ReadsById<Idea> ideasById;

    IdeaManagement(ReactiveMongoTemplate mongo, ConsultationAccess access, Supports supports, IdeaListings listings,
                   Participants participants, ModerationGate moderation, LocalEditions editions, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.access = access;
        this.supports = supports;
        this.listings = listings;
        this.participants = participants;
        this.moderation = moderation;
        this.editions = editions;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.ideasById = new ReadsById<>(ids -> mongo.find(Query.query(Criteria.where("_id").in(ids)), Idea.class), Idea::id);
    }

    public Mono<IdeaView> propose(CurrentUser user, String consultationId, String as, IdeaInput input, String idempotencyKey) {
        input.requireValid();
        String id = idempotencyKey == null ? "idea-" + UUID.randomUUID() : "idea-" + Ids.digest(user.subject() + "|" + idempotencyKey);
        return access.reader(user, consultationId).flatMap(reader -> {
            Consultation consultation = reader.consultation();
            consultation.requirePhase(Phase.IDEAS, clock.instant(), "propose ideas");
            Voice voice = reader.voice(as);
            boolean byPupil = voice.role() == AudienceRole.PUPILS;
            return editions.requireOpenFor(consultation, voice, clock.instant()).then(access.oldEnough(voice))
                .then(moderation.submit(ModerationGate.IDEA, id, consultation.title(consultation.defaultLanguage()),
                    input.title() + "\n\n" + input.body(), consultation.schoolId(), reader.safeguardingSchools(), user.personId(), byPupil))
                .flatMap(visibility -> mongo.insert(new Idea(id, consultationId, input.title(), input.body(), input.category(),
                    user.personId(), voice.schoolId(), byPupil, visibility, 0, null, clock.instant())))
                .flatMap(idea -> participants.tookPart(consultationId, voice, clock.instant()).thenReturn(idea))
                .onErrorResume(DuplicateKeyException.class, replay -> idea(consultationId, id))
                .map(idea -> IdeaView.of(idea, consultation, user.personId()));
        });
    }

    public Mono<IdeaView> support(CurrentUser user, String consultationId, String ideaId, String as) {
        return access.reader(user, consultationId).flatMap(reader -> {
            Consultation consultation = reader.consultation();
            consultation.requirePhase(Phase.IDEAS, clock.instant(), "support ideas");
            Voice voice = reader.voice(as);
            return supportable(consultationId, ideaId, reader)
                .flatMap(idea -> editions.requireOpenFor(consultation, voice, clock.instant()).then(access.oldEnough(voice))
                    .then(supports.add(consultation, ideaId, voice, clock.instant()))
                    .flatMap(added -> added ? participants.tookPart(consultationId, voice, clock.instant()).thenReturn(idea)
                        : Mono.error(Problems.conflict("ideaId", "already-supported",
                            "You already support this idea" + (voice.pupilId() != null ? " for " + voice.label() : "") + "."))))
                .flatMap(idea -> afterSupport(reader, idea.counted(1), voice, true));
        });
    }

    public Mono<IdeaView> withdraw(CurrentUser user, String consultationId, String ideaId, String as) {
        return access.reader(user, consultationId).flatMap(reader -> {
            Consultation consultation = reader.consultation();
            if (consultation.anonymous()) {
                throw Problems.conflict("ideaId", "anonymous-support-is-final",
                    "In an anonymous consultation a support is stored with no link to you, so it cannot be withdrawn.");
            }
            consultation.requirePhase(Phase.IDEAS, clock.instant(), "withdraw a support");
            Voice voice = reader.voice(as);
            return supportable(consultationId, ideaId, reader)
                .flatMap(idea -> supports.withdraw(consultation, ideaId, voice, clock.instant())
                    .flatMap(removed -> removed ? Mono.just(idea.counted(-1))
                        : Mono.error(Problems.conflict("ideaId", "not-supported", "You do not support this idea."))))
                .flatMap(idea -> afterSupport(reader, idea, voice, false));
        });
    }

    /** Someone who can see the idea reports it to moderation (three people hide it until reviewed). */
    public Mono<Report> report(CurrentUser user, String consultationId, String ideaId, String reason) {
        return access.reader(user, consultationId)
            .flatMap(reader -> readable(consultationId, ideaId, reader))
            .flatMap(idea -> moderation.report(ModerationGate.IDEA, ideaId, user.personId(), reason))
            .map(visibility -> new Report(ideaId, visibility));
    }

    /** What a report left the reported contribution as. */
    public record Report(String id, String visibility) {
    }

    /** A moderator merges a duplicate into another idea of the same consultation: its supports move, none twice. */
    public Mono<IdeaView> merge(CurrentUser user, String consultationId, String duplicateId, String intoId) {
        return access.manager(user, consultationId).flatMap(reader -> idea(consultationId, duplicateId)
            .zipWith(mongo.findById(intoId, Idea.class).switchIfEmpty(Mono.error(() -> unknownIdea("intoId", intoId))))
            .flatMap(both -> {
                if (!both.getT2().consultationId().equals(consultationId)) {
                    return Mono.error(Problems.conflict("intoId", "merge-across-consultations",
                        "Ideas are merged only within one consultation; " + intoId + " belongs to another."));
                }
                if (duplicateId.equals(intoId) || both.getT2().mergedInto() != null) {
                    return Mono.error(Problems.conflict("intoId", "merge-target-invalid",
                        "Merge into a different idea that has not itself been merged."));
                }
                Query duplicate = Query.query(Criteria.where("_id").is(duplicateId));
                return mongo.updateFirst(duplicate, new Update().set("mergedInto", intoId), Idea.class)
                    .then(supports.move(consultationId, duplicateId, intoId))
                    .then(idea(consultationId, intoId));
            })
            .map(idea -> IdeaView.of(idea, reader.consultation(), user.personId())));
    }

    /** The ideas by support; later pages show those not shown yet, so none is skipped or repeated (ADR 0325). */
    public Mono<Page<IdeaView>> bySupport(CurrentUser user, String consultationId, String cursor, int limit) {
        int size = PositionCursor.atMost(limit, 100);
        return access.reader(user, consultationId).flatMap(reader -> {
            Query visible = visible(consultationId, reader);
            Mono<IdeaListings.Slice> slice = cursor == null ? listings.first(visible, size, clock.instant())
                : Mono.defer(() -> {
                    String[] position = Cursor.parse(cursor);
                    return listings.next(position[0], Integer.parseInt(position[1]), visible, size)
                        .switchIfEmpty(Mono.error(() -> Problems.invalid("cursor", "expired-cursor",
                            "This list's order has expired: start again without a cursor.")));
                });
            return slice.flatMap(found -> withSupports(reader, found.ideas())
                .zipWith(found.recorded().thenReturn(true), (views, recorded) -> Page.of(views, found.next())));
        });
    }

    public Mono<IdeaView> get(CurrentUser user, String consultationId, String ideaId) {
        return access.reader(user, consultationId).flatMap(reader -> readable(consultationId, ideaId, reader)
            .flatMap(idea -> withSupports(reader, List.of(idea))).map(views -> views.get(0)));
    }

    /**
     * The idea after this voice's support or withdrawal, its count as read before the change moved by it (supports
     * others gave meanwhile show at the next read). A reader with one voice knows which of their voices support it
     * without asking the store.
     */
    private Mono<IdeaView> afterSupport(Reader reader, Idea idea, Voice voice, boolean supports) {
        if (reader.voices().size() == 1) {
            return Mono.just(IdeaView.of(idea, reader.consultation(), reader.personId()).supportedAs(supports ? List.of(voice.as()) : List.of()));
        }
        return withSupports(reader, List.of(idea)).map(views -> views.get(0));
    }

    /** The ideas as this reader sees them, each saying which of the reader's voices support it. */
    private Mono<List<IdeaView>> withSupports(Reader reader, List<Idea> ideas) {
        List<IdeaView> views = ideas.stream().map(idea -> IdeaView.of(idea, reader.consultation(), reader.personId())).toList();
        if (!reader.takesPart() || ideas.isEmpty()) {
            return Mono.just(views);
        }
        return supports.supportedBy(reader.consultation(), reader.voices(), ideas.stream().map(Idea::id).toList())
            .map(byIdea -> views.stream().map(view -> view.supportedAs(byIdea.getOrDefault(view.id(), List.of()))).toList());
    }

    Mono<Idea> readable(String consultationId, String ideaId, Reader reader) {
        return idea(consultationId, ideaId)
            .filter(idea -> Visibility.shown(idea.visibility()) || reader.manages()
                || (reader.personId() != null && reader.personId().equals(idea.authorId())))
            .switchIfEmpty(Mono.error(() -> unknownIdea("ideaId", ideaId)));
    }

    private Mono<Idea> supportable(String consultationId, String ideaId, Reader reader) {
        return readable(consultationId, ideaId, reader).flatMap(idea -> idea.mergedInto() == null ? Mono.just(idea)
            : Mono.error(Problems.conflict("ideaId", "idea-merged", "This idea was merged into " + idea.mergedInto() + ": support that one.")
                .with("mergedInto", idea.mergedInto())));
    }

    private Mono<Idea> idea(String consultationId, String ideaId) {
        return ideasById.find(ideaId).filter(idea -> idea.consultationId().equals(consultationId))
            .switchIfEmpty(Mono.error(() -> unknownIdea("ideaId", ideaId)));
    }

    private static Query visible(String consultationId, Reader reader) {
        // consultationId at the top level: the store's index on it serves only a top-level equality
        Criteria ofConsultation = Criteria.where("consultationId").is(consultationId).and("mergedInto").is(null);
        return Query.query(reader.personId() == null ? ofConsultation.and("visibility").is(Visibility.SHOWN)
            : ofConsultation.orOperator(Criteria.where("visibility").is(Visibility.SHOWN), Criteria.where("authorId").is(reader.personId())));
    }

    static Problem unknownIdea(String field, String ideaId) {
        return Problem.notFound("Idea " + ideaId).with("field", field).with("rule", "unknown-idea");
    }

    /** {@code listingId:shown}. */
    static final class Cursor {
        private Cursor() {
        }

        static String[] parse(String cursor) {
            String[] parts = cursor.split(":");
            if (parts.length != 2 || !parts[1].matches("\\d{1,6}")) {
                throw Problems.invalid("cursor", "malformed-cursor", "Use the 'next' value of the previous page as the cursor.");
            }
            return parts;
        }
    }
}
