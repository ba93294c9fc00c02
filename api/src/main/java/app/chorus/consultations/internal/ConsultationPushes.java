package app.chorus.consultations.internal;

import app.chorus.consultations.ActionUpdated;
import app.chorus.consultations.ConsultationOpened;
import app.chorus.consultations.ConsultationPhaseChanged;
import app.chorus.consultations.OutcomePublished;
import app.chorus.consultations.Phase;
import app.chorus.directory.AudienceMember;
import app.chorus.notifications.Notifications;
import app.chorus.notifications.PushMessage;
import app.chorus.notifications.RecipientGroup;
import app.chorus.notifications.Urgency;
import app.chorus.platform.DomainEventListener;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Consultation events become pushes (quiet hours and mutes apply: all at normal urgency). Openings, phase changes
 * and outcomes go to the audience; action updates only to those who took part (the {@code consultation-participants}
 * group); the review phase reminds the owner ({@code consultation-owner}). One fan-out per event key, so an event
 * published again changes nothing.
 */
@Configuration(value = "consultationPushes", proxyBeanMethods = false)
class ConsultationPushes {

    static final String SOURCE = "consultation";
    static final String PARTICIPANTS = "consultation-participants";
    static final String OWNER = "consultation-owner";

    @Bean
    DomainEventListener<ConsultationOpened> pushOpenedConsultations(Notifications notifications) {
        return listener(ConsultationOpened.class, event -> notifications.fanOut(new PushMessage(SOURCE, event.consultationId(),
            event.phase().ordinal() + 1, event.schoolId(), event.audience(), Urgency.NORMAL, event.titles(),
            bodies(event.defaultLanguage(), "Have your say: the consultation is open."), event.defaultLanguage())).then());
    }

    @Bean
    DomainEventListener<ConsultationPhaseChanged> pushPhaseChanges(Notifications notifications) {
        return listener(ConsultationPhaseChanged.class, event -> {
            int version = event.to() == null ? Phase.values().length + 1 : event.to().ordinal() + 1;
            String body = event.to() == null ? "The consultation has closed." : "Now in the " + event.to().name().toLowerCase() + " phase.";
            Mono<String> audience = notifications.fanOut(new PushMessage(SOURCE, event.consultationId(), version, event.schoolId(),
                event.audience(), Urgency.NORMAL, event.titles(), bodies(event.defaultLanguage(), body), event.defaultLanguage()));
            Mono<String> owner = event.to() != Phase.REVIEW ? Mono.empty() : notifications.fanOut(PushMessage.toGroup(SOURCE + "-review",
                event.consultationId(), 1, event.schoolId(), RecipientGroup.name(OWNER, event.consultationId()), Urgency.NORMAL,
                event.titles(), bodies(event.defaultLanguage(), "Review time: check the actions you promised."),
                event.defaultLanguage()));
            return audience.then(owner).then();
        });
    }

    @Bean
    DomainEventListener<OutcomePublished> pushOutcomes(Notifications notifications) {
        return listener(OutcomePublished.class, event -> notifications.fanOut(new PushMessage(SOURCE + "-outcome",
            event.consultationId(), 1, event.schoolId(), event.audience(), Urgency.NORMAL, event.titles(),
            bodies(event.defaultLanguage(), "You said, we did: " + event.summary()), event.defaultLanguage())).then());
    }

    @Bean
    DomainEventListener<ActionUpdated> pushActionUpdates(Notifications notifications) {
        return listener(ActionUpdated.class, event -> notifications.fanOut(PushMessage.toGroup(SOURCE + "-action", event.actionId(),
            event.revision(), event.schoolId(), RecipientGroup.name(PARTICIPANTS, event.consultationId()), Urgency.NORMAL,
            Map.of(event.defaultLanguage(), event.consultationTitle()),
            Map.of(event.defaultLanguage(), event.what() + ": " + event.status().toLowerCase().replace('_', ' ') + ", " + event.progress() + "% done"),
            event.defaultLanguage())).then());
    }

    @Bean
    RecipientGroup consultationParticipants(Participants participants) {
        return group(PARTICIPANTS, participants::members);
    }

    @Bean
    RecipientGroup consultationOwner(ConsultationStore consultations) {
        return group(OWNER, consultationId -> consultations.find(consultationId).filter(c -> c.ownerId() != null)
            .flatMapMany(c -> Flux.just(new AudienceMember(c.ownerId(), app.chorus.directory.AudienceRole.STAFF,
                c.schoolId() == null ? java.util.Set.of() : java.util.Set.of(c.schoolId()), java.util.Set.of(), null))));
    }

    private static Map<String, String> bodies(String defaultLanguage, String body) {
        return Map.of(defaultLanguage, body);
    }

    static <E> DomainEventListener<E> listener(Class<E> type, Function<E, Mono<Void>> handle) {
        return DomainEventListener.of(type, handle);
    }

    private static RecipientGroup group(String kind, Function<String, Flux<AudienceMember>> members) {
        return RecipientGroup.of(kind, members);
    }
}
