package app.chorus.moderation.internal;

import app.chorus.moderation.ContributionRef;
import app.chorus.notifications.Notifications;
import app.chorus.notifications.PushMessage;
import app.chorus.notifications.RecipientGroup;
import app.chorus.notifications.Urgency;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tells the safeguarding leads of each concern's schools (once: the push's id is the concern's, so telling again after
 * a crash changes nothing), and escalates to the trust's safeguarding leads a concern nobody acknowledged in time. A
 * school with no safeguarding lead named escalates at once. The state is on the items, so any instance may do it.
 * The push says only that there is a concern, never what was written.
 */
@Component
class ConcernFollowUp {

    private static final Logger log = LoggerFactory.getLogger(ConcernFollowUp.class);
    static final String SOURCE = "safeguarding-concern";
    private final ModerationItems items;
    private final ModerationManagement management;
    private final SafeguardingContacts contacts;
    private final Notifications notifications;
    private final ModerationProperties properties;
    private final Clock clock;
    private Disposable timer;

    ConcernFollowUp(ModerationItems items, ModerationManagement management, SafeguardingContacts contacts,
                    Notifications notifications, ModerationProperties properties, ObjectProvider<Clock> clock) {
        this.items = items;
        this.management = management;
        this.contacts = contacts;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        timer = Flux.interval(properties.followUpEvery(), properties.followUpEvery()).onBackpressureDrop()
            .concatMap(tick -> followUp().onErrorResume(failure -> {
                log.warn("Safeguarding follow-up failed; trying again in {}", properties.followUpEvery(), failure);
                return Mono.empty();
            }))
            .subscribe();
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        if (timer != null) {
            timer.dispose();
        }
    }

    Mono<Void> followUp() {
        Instant now = clock.instant();
        return items.concernsToFollowUp(now.minus(properties.concernEscalatesAfter()), 100)
            .concatMap(item -> item.concern().notifiedAt() == null ? tellSchools(item.ref()) : escalate(item.ref()))
            .then();
    }

    private Mono<Void> tellSchools(ContributionRef ref) {
        return management.change(ref, item -> new ModerationItem.Changed(item.withConcern(item.concern().notified(clock.instant())), java.util.List.of()))
            .flatMap(item -> Flux.fromIterable(item.concern().schoolIds())
                .concatMap(schoolId -> contacts.of(schoolId).flatMap(leads -> leads.isEmpty()
                    ? Mono.just(false) : push(ref, schoolId, schoolId, 1).thenReturn(true)))
                .all(told -> told)
                .flatMap(everySchoolTold -> everySchoolTold && !item.concern().schoolIds().isEmpty()
                    ? Mono.<Void>empty() : escalate(ref)));
    }

    private Mono<Void> escalate(ContributionRef ref) {
        return management.change(ref, item -> item.escalated(clock.instant()))
            .filter(item -> item.concern().escalatedAt() != null && item.concern().escalationNotifiedAt() == null)
            .flatMap(item -> push(ref, null, SafeguardingContacts.TRUST, 2)
                .then(management.change(ref, latest -> new ModerationItem.Changed(
                    latest.withConcern(latest.concern().escalationNotified(clock.instant())), java.util.List.of()))))
            .then();
    }

    private Mono<String> push(ContributionRef ref, String schoolId, String group, int version) {
        String title = version == 1 ? "A safeguarding concern needs you" : "An unacknowledged safeguarding concern";
        String body = version == 1 ? "Something written in Chorus matched a concern phrase. Open Concerns to read it."
            : "A concern has waited for its school's safeguarding lead. Open Concerns (escalated) to act on it.";
        return notifications.fanOut(PushMessage.toGroup(SOURCE, ref.key() + "@" + group, version, schoolId,
            RecipientGroup.name(SafeguardingContacts.KIND, group), Urgency.URGENT, Map.of("en", title), Map.of("en", body), "en"));
    }
}
