package app.chorus.moderation.internal;

import app.chorus.directory.Access;
import app.chorus.directory.AccessPolicy;
import app.chorus.identity.CurrentUser;
import app.chorus.moderation.Contribution;
import app.chorus.moderation.ContributionRef;
import app.chorus.moderation.Moderation;
import app.chorus.moderation.Visibility;
import app.chorus.platform.DomainEvents;
import app.chorus.shared.Page;
import app.chorus.shared.PositionCursor;
import app.chorus.shared.Problem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Moderation's rules applied: submissions screened, reports counted, moderators' decisions and the authors' review
 * requests recorded, concerns acknowledged. Every change is a compare-and-set of one item, retried on a conflict.
 */
@Service
public class ModerationManagement implements Moderation {

    private static final int MAX_TEXT = 20_000;
    private final ModerationItems items;
    private final ConcernPhrases phrases;
    private final AccessPolicy accessPolicy;
    private final DomainEvents events;
    private final ModerationViews views;
    private final SafeguardingContacts contacts;
    private final Clock clock;

    ModerationManagement(ModerationItems items, ModerationProperties properties, AccessPolicy accessPolicy,
                         DomainEvents events, ModerationViews views, SafeguardingContacts contacts,
                         ObjectProvider<Clock> clock) {
        this.items = items;
        this.phrases = new ConcernPhrases(properties.concernPhrases());
        this.accessPolicy = accessPolicy;
        this.events = events;
        this.views = views;
        this.contacts = contacts;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public Mono<Visibility> submit(Contribution contribution) {
        return tooLong(contribution).switchIfEmpty(Mono.defer(() -> items.find(contribution.ref())
            .flatMap(existing -> change(contribution.ref(), item -> item.edited(contribution, concernIn(contribution), now())))
            .switchIfEmpty(Mono.defer(() -> insert(contribution).switchIfEmpty(Mono.defer(() -> items.find(contribution.ref())))))
            .map(ModerationItem::visibility)));
    }

    @Override
    public Mono<Visibility> submitNew(Contribution contribution) {
        return tooLong(contribution).switchIfEmpty(Mono.defer(() -> insert(contribution).map(ModerationItem::visibility)
            .switchIfEmpty(Mono.defer(() -> submit(contribution)))));
    }

    @Override
    public Visibility screened(Contribution contribution) {
        return ModerationItem.submitted(contribution, concernIn(contribution), now()).item().visibility();
    }

    private static Mono<Visibility> tooLong(Contribution contribution) {
        return contribution.text() != null && contribution.text().length() > MAX_TEXT
            ? Mono.error(Problem.badRequest("too-long", "Write at most " + MAX_TEXT + " characters.").with("field", "text"))
            : Mono.empty();
    }

    private Set<String> concernIn(Contribution contribution) {
        return phrases.foundIn(contribution.text() == null ? "" : contribution.text());
    }

    /** The contribution as a new item, its events published; empty when it is already in the queue. */
    private Mono<ModerationItem> insert(Contribution contribution) {
        ModerationItem.Changed submitted = ModerationItem.submitted(contribution, concernIn(contribution), now());
        return items.insert(submitted.item()).flatMap(inserted -> publish(submitted));
    }

    @Override
    public Mono<Visibility> report(ContributionRef ref, String reporterPersonId, String reason) {
        return change(ref, item -> item.reported(reporterPersonId, reason, now())).map(ModerationItem::visibility);
    }

    @Override
    public Mono<Visibility> visibility(ContributionRef ref) {
        return items.find(ref).map(ModerationItem::visibility);
    }

    @Override
    public Mono<Void> forget(ContributionRef ref) {
        return items.removeUnlessConcern(ref);
    }

    /** A report through moderation's own endpoint: the reporter must be able to read the place it was written in. */
    public Mono<Visibility> report(CurrentUser user, ContributionRef ref, String reason) {
        return accessPolicy.accessOf(user).flatMap(access -> readable(access, ref)
            .flatMap(item -> report(ref, access.user().personId(), reason)));
    }

    public Mono<Page<QueueEntry>> queue(CurrentUser user, String cursor, int limit) {
        PositionCursor position = PositionCursor.decode(cursor);
        int size = PositionCursor.limit(limit, 100);
        return accessPolicy.accessOf(user).flatMap(access -> {
            var places = ModerationPermissions.moderatedPlaces(access);
            if (places.isEmpty()) {
                return Mono.error(Problem.forbidden("not-a-moderator", "Only school and trust leaders moderate."));
            }
            return pageOf(items.queue(places, at(position), id(position), size), size, views::queueEntry);
        });
    }

    public Mono<QueueEntry> decide(CurrentUser user, ContributionRef ref, Visibility decision, String reason) {
        return accessPolicy.accessOf(user).flatMap(access -> moderated(access, ref)
            .then(change(ref, item -> item.decided(user.personId(), decision, reason, now()))))
            .flatMap(views::queueEntry);
    }

    public Mono<QueueEntry> requestReview(CurrentUser user, ContributionRef ref, String reason) {
        if (reason == null || reason.isBlank()) {
            return Mono.error(Problem.badRequest("reason-required", "Say why another moderator should look again.")
                .with("field", "reason"));
        }
        return change(ref, item -> item.reviewRequested(user.personId(), reason, now())).flatMap(views::queueEntry);
    }

    public Mono<Page<ConcernEntry>> concerns(CurrentUser user, boolean escalated, String cursor, int limit) {
        PositionCursor position = PositionCursor.decode(cursor);
        int size = PositionCursor.limit(limit, 100);
        return accessPolicy.accessOf(user).flatMap(access -> allowedConcerns(access, escalated)
            .then(pageOf(items.concerns(access.schools(), escalated, at(position), id(position), size), size,
                views::concernEntry)));
    }

    public Mono<ConcernEntry> acknowledge(CurrentUser user, ContributionRef ref, String note) {
        return accessPolicy.accessOf(user).flatMap(access -> items.find(ref)
            .filterWhen(item -> concernVisibleTo(access, item))
            .switchIfEmpty(Mono.error(() -> Problem.notFound("A concern about " + ref.id())))
            .then(change(ref, item -> item.acknowledged(user.personId(), note, now()))))
            .flatMap(views::concernEntry);
    }

    public Mono<List<String>> contacts(CurrentUser user, String schoolOrTrust) {
        return requireContactsManager(user, schoolOrTrust).then(contacts.of(schoolOrTrust));
    }

    public Mono<List<String>> replaceContacts(CurrentUser user, String schoolOrTrust, List<String> personIds) {
        if (personIds == null || personIds.stream().anyMatch(id -> id == null || id.isBlank())) {
            return Mono.error(Problem.badRequest("bad-contacts", "List the directory ids of the safeguarding leads.")
                .with("field", "personIds"));
        }
        return requireContactsManager(user, schoolOrTrust).then(contacts.replace(schoolOrTrust, personIds))
            .then(contacts.of(schoolOrTrust));
    }

    private Mono<Void> requireContactsManager(CurrentUser user, String schoolOrTrust) {
        return accessPolicy.accessOf(user).flatMap(access -> {
            if (!SafeguardingContacts.TRUST.equals(schoolOrTrust)) {
                access.requireSchool(schoolOrTrust);
            }
            boolean allowed = SafeguardingContacts.TRUST.equals(schoolOrTrust)
                ? access.user().has(app.chorus.identity.Role.TRUST_LEADER) : ModerationPermissions.moderates(access, schoolOrTrust);
            return allowed ? Mono.<Void>empty()
                : Mono.error(Problem.forbidden("not-allowed", "Only the school's or the trust's leaders name safeguarding leads."));
        });
    }

    private Mono<Void> allowedConcerns(Access access, boolean escalated) {
        if (escalated) {
            return trustContact(access).flatMap(trust -> trust ? Mono.<Void>empty() : Mono.error(Problem.forbidden(
                "not-a-trust-safeguarding-lead", "Escalated concerns are for the trust's safeguarding leads.")));
        }
        if (!ModerationPermissions.isSafeguardingLead(access)) {
            return Mono.error(Problem.forbidden("not-a-safeguarding-lead", "Concerns are for safeguarding leads."));
        }
        return contacts.learn(access.user().personId(), access.schools());
    }

    private Mono<Boolean> trustContact(Access access) {
        if (access.user().has(app.chorus.identity.Role.TRUST_LEADER)) {
            return Mono.just(true);
        }
        return contacts.of(SafeguardingContacts.TRUST).map(ids -> ids.contains(access.user().personId()));
    }

    private Mono<Boolean> concernVisibleTo(Access access, ModerationItem item) {
        if (item.concern() == null) {
            return Mono.just(false);
        }
        if (ModerationPermissions.seesConcernsOf(access, item.concern().schoolIds())) {
            return Mono.just(true);
        }
        return item.concern().escalatedAt() == null ? Mono.just(false) : trustContact(access);
    }

    /** The item, when this person moderates its place; 404 otherwise (a concern is not a moderator's). */
    private Mono<ModerationItem> moderated(Access access, ContributionRef ref) {
        return items.find(ref)
            .filter(item -> ModerationPermissions.moderates(access, item.contribution().schoolId()))
            .filter(item -> item.concern() == null || item.concern().acknowledgedAt() != null)
            .switchIfEmpty(Mono.error(() -> Problem.notFound("A contribution " + ref.id() + " in your moderation queue")));
    }

    private Mono<ModerationItem> readable(Access access, ContributionRef ref) {
        return items.find(ref)
            .filter(item -> item.visibility().shown())
            .filter(item -> item.contribution().schoolId() == null || access.canReadSchool(item.contribution().schoolId()))
            .switchIfEmpty(Mono.error(() -> Problem.notFound("A contribution " + ref.id())));
    }

    /** Applies a change over the version read, again from a fresh read when another request saved in between. */
    Mono<ModerationItem> change(ContributionRef ref, Function<ModerationItem, ModerationItem.Changed> change) {
        return Mono.defer(() -> items.find(ref)
                .switchIfEmpty(Mono.error(() -> Problem.notFound("A contribution " + ref.id())))
                .flatMap(item -> {
                    ModerationItem.Changed changed = change.apply(item);
                    if (changed.item() == item) {
                        return Mono.just(item);
                    }
                    return items.save(changed.item())
                        .switchIfEmpty(Mono.error(new ConcurrentChange()))
                        .flatMap(saved -> publish(new ModerationItem.Changed(saved, changed.events())));
                }))
            .retryWhen(Retry.max(20).filter(ConcurrentChange.class::isInstance));
    }

    private Mono<ModerationItem> publish(ModerationItem.Changed changed) {
        return Flux.fromIterable(changed.events()).concatMap(events::publish).then(Mono.just(changed.item()));
    }

    private static <T> Mono<Page<T>> pageOf(Flux<ModerationItem> found, int size, Function<ModerationItem, Mono<T>> view) {
        return found.collectList().flatMap(list -> Flux.fromIterable(list).concatMap(view).collectList()
            .map(entries -> Page.of(entries, list.size() < size ? null
                : new PositionCursor(list.get(list.size() - 1).submittedAt(), list.get(list.size() - 1).ref().key()).encode())));
    }

    private static Instant at(PositionCursor cursor) {
        return cursor == null ? null : cursor.at();
    }

    private static String id(PositionCursor cursor) {
        return cursor == null ? null : cursor.id();
    }

    private Instant now() {
        return clock.instant();
    }

    static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange() {
            super("saved by another request in between", null, false, false);
        }
    }
}
