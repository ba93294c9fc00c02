package app.chorus.consultations.internal;

import app.chorus.identity.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A person's home: the consultations needing their input now and those they took part in with outcome news, whole
 * (with a {@code sync} cursor) or as a delta since a cursor, as the feed is synced: a consultation stamped since the
 * cursor ({@link ChangeStamps}) comes back changed when it is on the home now, removed when the person can see it but it
 * is not on their home or a roster change took them out of its audience; one they cannot see is otherwise left out.
 */
@Service
public class HomeConsultations {

    static final int HOME_SIZE = 50;
    static final int DELTA_SIZE = 100;
    public static final String FROM_THE_START = ChangeStamps.cursor(0);
    private static final Set<String> TAKING_PART = Set.of("IDEAS", "DELIBERATION", "DECISION");

    private final ConsultationStore consultations;
    private final ChangeStamps stamps;
    private final ConsultationAccess access;
    private final Participants participants;
    private final RosterReach reach;
    private final Clock clock;

    HomeConsultations(ConsultationStore consultations, ChangeStamps stamps, ConsultationAccess access,
                      Participants participants, RosterReach reach, ObjectProvider<Clock> clock) {
        this.consultations = consultations;
        this.stamps = stamps;
        this.access = access;
        this.participants = participants;
        this.reach = reach;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** The home list, with the cursor to sync from (taken first, so what changes while the list is read comes again). */
    public record Home(List<WaitingConsultation> items, String next, String sync) {
    }

    /** What changed since a cursor: apply {@code changed}, drop {@code removed}, keep {@code cursor}. */
    public record Delta(List<WaitingConsultation> changed, List<String> removed, String cursor, boolean more) {
    }

    public Mono<Home> home(CurrentUser user) {
        Instant now = clock.instant();
        return stamps.latest().flatMap(latest -> consultations.all()
            .concatMap(found -> access.reader(user, found).flatMap(reader -> entry(reader, found, now)))
            .take(HOME_SIZE).collectList()
            .map(items -> new Home(items, null, ChangeStamps.cursor(latest))));
    }

    public Mono<Delta> since(CurrentUser user, String cursor) {
        long from = ChangeStamps.fromCursor(cursor);
        Instant now = clock.instant();
        return stamps.changedSince(from, DELTA_SIZE).collectList().flatMap(batch -> Flux.fromIterable(batch)
            .concatMap(found -> change(user, found, from, now))
            .collectList()
            .map(changes -> delta(changes, batch.isEmpty() ? from : batch.get(batch.size() - 1).changeSeq(),
                batch.size() == DELTA_SIZE)));
    }

    private static Delta delta(List<Change> changes, long cursor, boolean more) {
        List<WaitingConsultation> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        changes.forEach(change -> {
            if (change.entry() != null) {
                changed.add(change.entry());
            } else {
                removed.add(change.removedId());
            }
        });
        return new Delta(changed, removed, ChangeStamps.cursor(cursor), more);
    }

    private record Change(WaitingConsultation entry, String removedId) {
        static Change changed(WaitingConsultation entry) {
            return new Change(entry, null);
        }

        static Change removed(String id) {
            return new Change(null, id);
        }
    }

    /**
     * A stamped consultation for this person: changed when on their home, removed when they can see it but it is not on
     * their home, or when a roster change since the cursor took them out of its audience ({@link RosterReach}); nothing
     * when they cannot see it otherwise (another school's ids are not news to them).
     */
    private Mono<Change> change(CurrentUser user, Consultation found, long from, Instant now) {
        return access.reader(user, found).flatMap(reader -> entry(reader, found, now).map(Change::changed)
                .defaultIfEmpty(Change.removed(found.id())))
            .switchIfEmpty(Mono.defer(() -> reach.leftSince(found.id(), user.personId(), from)
                .filter(Boolean::booleanValue).map(left -> Change.removed(found.id()))));
    }

    /** The consultation as the person's home shows it; empty when it is not on their home. */
    private Mono<WaitingConsultation> entry(Reader reader, Consultation found, Instant now) {
        String stage = found.stageAt(now);
        boolean open = reader.takesPart() && TAKING_PART.contains(stage);
        String personId = reader.user().personId();
        Mono<Boolean> tookPart = found.outcome() == null || personId == null ? Mono.just(false)
            : participants.hasTakenPart(found.id(), personId);
        return tookPart.filter(news -> open || news).map(news -> new WaitingConsultation(found.id(),
            found.title(found.defaultLanguage()), stage, open, found.nextChangeAfter(now),
            reader.voices().stream().map(v -> new ConsultationView.VoiceView(v.as(), v.label())).toList(),
            found.outcome() == null ? null : found.outcome().decision(), lastChange(found)));
    }

    private static Instant lastChange(Consultation found) {
        if (found.outcome() == null) {
            return null;
        }
        return found.actions().stream().map(Action::updatedAt).filter(Objects::nonNull)
            .reduce(found.outcome().publishedAt(), (a, b) -> a.isAfter(b) ? a : b);
    }
}
