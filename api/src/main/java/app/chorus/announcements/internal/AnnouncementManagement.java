package app.chorus.announcements.internal;

import app.chorus.directory.Access;
import app.chorus.directory.AccessPolicy;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceResolver;
import app.chorus.directory.DirectoryQueries;
import app.chorus.directory.SchoolSummary;
import app.chorus.identity.CurrentUser;
import app.chorus.shared.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The announcement use cases: each loads the aggregate, checks the caller's {@link Access}, applies one domain
 * method and saves. Validation and authorization happen before the first write, so bad input writes nothing.
 * Announcements the caller may not see answer 404, whoever's they are.
 */
@Service
public class AnnouncementManagement {

    private final ReactiveMongoTemplate mongo;
    private final AccessPolicy policy;
    private final AudienceResolver resolver;
    private final DirectoryQueries directory;
    private final DraftValidator validator;
    private final Announcer announcer;
    private final DueAnnouncements due;
    private final ReachPreviewer previewer;

    AnnouncementManagement(ReactiveMongoTemplate mongo, AccessPolicy policy, AudienceResolver resolver,
                           DirectoryQueries directory, DraftValidator validator, Announcer announcer,
                           DueAnnouncements due, ReachPreviewer previewer) {
        this.mongo = mongo;
        this.policy = policy;
        this.resolver = resolver;
        this.directory = directory;
        this.validator = validator;
        this.announcer = announcer;
        this.due = due;
        this.previewer = previewer;
    }

    /** Creates a draft. The same Idempotency-Key from the same person returns the same announcement. */
    public Mono<Created> create(CurrentUser user, AnnouncementInput input, String idempotencyKey) {
        Instant now = now();
        AnnouncementDraft draft = validator.validate(input, now);
        String id = idOf(user, idempotencyKey);
        return policy.accessOf(user)
            .flatMap(access -> checkAddressable(access, draft).thenReturn(access))
            .flatMap(access -> due.insert(Announcement.draft(id, user.personId(), draft, now))
                .map(saved -> new Created(view(saved), true))
                .onErrorResume(DuplicateKeyException.class, retry -> mongo.findById(id, Announcement.class)
                    .filter(existing -> Objects.equals(existing.authorId(), user.personId()))
                    .map(existing -> new Created(view(existing), false))
                    .switchIfEmpty(Mono.error(Problem.conflict("idempotency-key-reused",
                        "This Idempotency-Key was already used for another request. Send a new key.")))));
    }

    public record Created(AnnouncementView announcement, boolean created) {
    }

    public Mono<AnnouncementView> edit(CurrentUser user, String id, AnnouncementInput input) {
        Instant now = now();
        AnnouncementDraft draft = validator.validate(input, now);
        String reason = optional(input.editReason(), "editReason", 500);
        return change(user, id, (access, announcement) -> checkAddressable(access, draft)
            .then(Mono.fromRunnable(() -> announcement.edit(draft, reason, user.personId(), now))));
    }

    public Mono<AnnouncementView> submit(CurrentUser user, String id) {
        return change(user, id, (access, announcement) -> {
            announcement.submit(access.needsApprovalToAddress(announcement.audience()), now());
            return scheduleIfReady(announcement);
        });
    }

    public Mono<AnnouncementView> approve(CurrentUser user, String id) {
        return change(user, id, (access, announcement) -> {
            requireApprover(access, announcement);
            announcement.approve(user.personId(), now());
            return scheduleIfReady(announcement);
        });
    }

    public Mono<AnnouncementView> returnToAuthor(CurrentUser user, String id, String comment) {
        String why = required(comment, "comment", "Say what the author should change.");
        return change(user, id, (access, announcement) -> {
            requireApprover(access, announcement);
            announcement.returnToAuthor(why, now());
            return Mono.empty();
        });
    }

    public Mono<AnnouncementView> retract(CurrentUser user, String id, String reason) {
        String why = required(reason, "reason", "Recipients see why it was withdrawn.");
        return change(user, id, (access, announcement) -> Mono.fromRunnable(() -> announcement.retract(why, now())));
    }

    public Mono<AnnouncementView> adopt(CurrentUser user, String id, String schoolId, String localNote, Instant publishAt) {
        Instant at = publishAt == null ? null : publishAt.truncatedTo(ChronoUnit.MILLIS);
        return forSchool(user, id, schoolId, announcement -> announcement.adopt(schoolId, localNote, at, user.personId(), now()));
    }

    public Mono<AnnouncementView> decline(CurrentUser user, String id, String schoolId, String reason) {
        String why = required(reason, "reason", "The trust sees each school's reason.");
        return forSchool(user, id, schoolId, announcement -> announcement.decline(schoolId, why, user.personId(), now()));
    }

    public Mono<AnnouncementView> get(CurrentUser user, String id) {
        return policy.accessOf(user).flatMap(access -> manageable(access, id)).map(this::view);
    }

    /** The announcements this person writes or looks after, newest first. */
    public Mono<app.chorus.shared.Page<AnnouncementView>> list(CurrentUser user, String cursor, int limit) {
        return policy.accessOf(user).flatMap(access -> ManagedList.page(mongo, access, cursor, limit))
            .flatMap(page -> authorNames(page.items()).map(names -> app.chorus.shared.Page.of(page.items().stream()
                .map(a -> AnnouncementView.of(a, now(), names.get(a.authorId()))).toList(), page.next())));
    }

    /** The names of a page's authors, one directory read per distinct author (a page holds at most 100). */
    private Mono<Map<String, String>> authorNames(List<Announcement> announcements) {
        return Flux.fromStream(announcements.stream().map(Announcement::authorId).filter(Objects::nonNull).distinct())
            .flatMap(id -> directory.person(id).map(person -> Map.entry(id, person.displayName())), 8)
            .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /**
     * How many people and devices (in all, by role, by school and role) an audience would reach; only for
     * audiences the caller may address.
     */
    public Mono<ReachPreview> previewReach(CurrentUser user, Audience audience) {
        if (audience == null || audience.scope() == null) {
            throw Problem.badRequest("validation", "Send an audience with a scope and roles.").with("field", "audience");
        }
        return policy.accessOf(user)
            .flatMap(access -> resolver.validate(audience).flatMap(valid -> requireScope(access, valid))
                .flatMap(valid -> previewer.preview(valid, access.needsApprovalToAddress(valid))));
    }

    Mono<Announcement> manageable(Access access, String id) {
        return mongo.findById(id, Announcement.class)
            .filter(announcement -> canManage(access, announcement))
            .switchIfEmpty(Mono.error(() -> Problem.notFound("Announcement " + id)));
    }

    static boolean canManage(Access access, Announcement a) {
        CurrentUser user = access.user();
        if (access.isTrustWide() || Objects.equals(a.authorId(), user.personId()) || access.canApprove(a.audience())) {
            return true;
        }
        if (a.schoolId() != null && access.leadsSchools().contains(a.schoolId())) {
            return true;
        }
        return a.isAdaptable() && a.editions().keySet().stream().anyMatch(access.leadsSchools()::contains);
    }

    private Mono<AnnouncementView> forSchool(CurrentUser user, String id, String schoolId,
                                             java.util.function.Consumer<Announcement> decision) {
        return change(user, id, (access, announcement) -> {
            if (!access.leadsSchools().contains(schoolId)) {
                throw Problem.notFound("School " + schoolId + " among the schools you lead");
            }
            decision.accept(announcement);
            return Mono.empty();
        });
    }

    /** Load, check, apply, save (optimistic lock), then announce whatever became due. */
    private Mono<AnnouncementView> change(CurrentUser user, String id, BiFunction<Access, Announcement, Mono<Void>> rule) {
        return policy.accessOf(user)
            .flatMap(access -> manageable(access, id)
                .flatMap(announcement -> Mono.defer(() -> rule.apply(access, announcement)).then(Mono.defer(() -> due.save(announcement)))))
            .onErrorMap(org.springframework.dao.OptimisticLockingFailureException.class, changed -> Problem.conflict("concurrent-change",
                "Someone changed this announcement at the same time. Reload it and try again."))
            .flatMap(announcer::announceDue)
            .map(this::view);
    }

    private Mono<Void> scheduleIfReady(Announcement announcement) {
        if (announcement.status(now()) != AnnouncementStatus.SCHEDULED) {
            return Mono.empty();
        }
        return layout(announcement).doOnNext(editions -> announcement.schedule(editions, now())).then();
    }

    private Mono<Map<String, Edition>> layout(Announcement a) {
        if (!a.isAdaptable()) {
            return Mono.just(Map.of(Edition.WHOLE, Edition.whole(a.audienceKeys())));
        }
        Audience audience = a.audience();
        Flux<String> schools = switch (audience.scope()) {
            case TRUST -> directory.schools().map(SchoolSummary::id);
            case SCHOOLS -> Flux.fromIterable(audience.ids());
            default -> Flux.fromIterable(audience.ids()).map(id -> id.substring(0, id.indexOf(':'))).distinct();
        };
        return schools.collectList().map(ids -> {
            Map<String, Edition> editions = new LinkedHashMap<>();
            ids.stream().sorted().forEach(school -> editions.put(school, Edition.forSchool(school, keysFor(audience, school))));
            return editions;
        });
    }

    private static List<String> keysFor(Audience audience, String schoolId) {
        if (audience.scope() == Audience.Scope.YEAR_GROUPS) {
            return audience.ids().stream().filter(id -> id.startsWith(schoolId + ":"))
                .flatMap(id -> audience.roles().stream().map(role -> Audience.yearKey(schoolId, id.substring(schoolId.length() + 1), role)))
                .toList();
        }
        return audience.roles().stream().map(role -> Audience.schoolKey(schoolId, role)).toList();
    }

    private Mono<Void> checkAddressable(Access access, AnnouncementDraft draft) {
        if (draft.audience().scope() == Audience.Scope.CLASSES && draft.schoolId() == null) {
            throw Problem.badRequest("validation", "Class posts name their school in schoolId.").with("field", "schoolId");
        }
        if (draft.schoolId() != null) {
            access.requireSchool(draft.schoolId());
        } else if (!access.isTrustWide()) {
            throw Problem.forbidden("audience-outside-scope", "Only trust leaders speak for the trust: set schoolId to your school.")
                .with("field", "schoolId");
        }
        return resolver.validate(draft.audience()).flatMap(valid -> requireScope(access, valid)).then();
    }

    private static Mono<Audience> requireScope(Access access, Audience audience) {
        if (!access.canAddress(audience)) {
            return Mono.error(Problem.forbidden("audience-outside-scope",
                "You may not publish to this audience: staff address their classes, school leaders their school, trust leaders any school.")
                .with("field", "audience"));
        }
        return Mono.just(audience);
    }

    private static void requireApprover(Access access, Announcement announcement) {
        if (!access.canApprove(announcement.audience())) {
            throw Problem.forbidden("not-an-approver", "Only a leader of the audience's school (or the trust) can approve or return this post.");
        }
    }

    private AnnouncementView view(Announcement announcement) {
        return AnnouncementView.of(announcement, now());
    }

    private static String required(String value, String field, String why) {
        if (value == null || value.isBlank() || value.length() > 2000) {
            throw Problem.badRequest("validation", field + " is required (up to 2000 characters). " + why).with("field", field);
        }
        return value.strip();
    }

    private static String optional(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw Problem.badRequest("validation", field + " is at most " + max + " characters; shorten it.").with("field", field);
        }
        return value.strip();
    }

    private static String idOf(CurrentUser user, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return "ann-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest((user.subject() + "|" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
            return "ann-" + HexFormat.of().formatHex(digest).substring(0, 20);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
