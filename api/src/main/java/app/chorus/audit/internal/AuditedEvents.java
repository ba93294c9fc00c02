package app.chorus.audit.internal;

import app.chorus.announcements.AnnouncementPublished;
import app.chorus.announcements.AnnouncementRetracted;
import app.chorus.consultations.ConsultationOpened;
import app.chorus.consultations.ConsultationPhaseChanged;
import app.chorus.consultations.OutcomePublished;
import app.chorus.decisions.DecisionClosed;
import app.chorus.decisions.DecisionOpened;
import app.chorus.directory.Audience;
import app.chorus.directory.RosterImported;
import app.chorus.moderation.ConcernRaised;
import app.chorus.moderation.ContributionModerated;
import app.chorus.platform.DomainEventListener;
import app.chorus.shared.ActRecorded;
import app.chorus.surveys.SurveyOpened;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * The consequential acts the other modules already announce, as the audit records them. Events that name who acted
 * say so; for the others the actor is the signed-in person whose request published the event (none: the system,
 * e.g. a scheduled phase change).
 */
@Configuration(proxyBeanMethods = false)
class AuditedEvents {

    @Bean
    DomainEventListener<AnnouncementPublished> auditAnnouncementPublished(AuditRecorder audit) {
        return byCaller(audit, AnnouncementPublished.class, e -> new Act("announcement-published:" + e.announcementId()
            + ":" + e.version(), e.version() > 1 ? "announcement-edited" : "announcement-published", e.schoolId(), null,
            "announcement:" + e.announcementId(), e.version() > 1 ? editDetail(e) : null, e.publishedAt()));
    }

    private static String editDetail(AnnouncementPublished e) {
        return "version " + e.version() + (e.editReason() == null ? "" : ": " + e.editReason());
    }

    @Bean
    DomainEventListener<RosterImported> auditRosterImported(AuditRecorder audit) {
        return byCaller(audit, RosterImported.class, e -> new Act("roster-imported:" + e.importId(), "roster-imported",
            onlyOne(Set.copyOf(e.schoolIds())), null, "roster", e.changes(), e.at()));
    }

    @Bean
    DomainEventListener<AnnouncementRetracted> auditAnnouncementRetracted(AuditRecorder audit) {
        return byCaller(audit, AnnouncementRetracted.class, e -> new Act("announcement-retracted:" + e.announcementId(),
            "announcement-retracted", null, null, "announcement:" + e.announcementId(), e.reason(), e.retractedAt()));
    }

    @Bean
    DomainEventListener<SurveyOpened> auditSurveyOpened(AuditRecorder audit) {
        return byCaller(audit, SurveyOpened.class, e -> new Act("survey-opened:" + e.surveyId(), "survey-opened",
            schoolOf(e.audience()), null, "survey:" + e.surveyId(), null, null));
    }

    @Bean
    DomainEventListener<ConsultationOpened> auditConsultationOpened(AuditRecorder audit) {
        return byCaller(audit, ConsultationOpened.class, e -> new Act("consultation-opened:" + e.consultationId(),
            "consultation-opened", e.schoolId(), null, "consultation:" + e.consultationId(), null, e.at()));
    }

    @Bean
    DomainEventListener<ConsultationPhaseChanged> auditConsultationPhaseChanged(AuditRecorder audit) {
        return byCaller(audit, ConsultationPhaseChanged.class, e -> new Act("consultation-phase:" + e.consultationId()
            + ":" + e.to(), e.to() == null ? "consultation-closed" : "consultation-phase-changed", e.schoolId(), null,
            "consultation:" + e.consultationId(), "from " + e.from() + " to " + (e.to() == null ? "closed" : e.to()), e.at()));
    }

    @Bean
    DomainEventListener<OutcomePublished> auditOutcomePublished(AuditRecorder audit) {
        return byCaller(audit, OutcomePublished.class, e -> new Act("consultation-outcome:" + e.consultationId(),
            "consultation-outcome-published", e.schoolId(), null, "consultation:" + e.consultationId(), null, e.at()));
    }

    @Bean
    DomainEventListener<ContributionModerated> auditContributionModerated(AuditRecorder audit) {
        return named(audit, ContributionModerated.class, e -> new Act("contribution-moderated:" + e.ref().kind() + ":"
            + e.ref().id() + ":" + e.visibility() + ":" + e.decidedBy() + ":" + e.reason(),
            "contribution-" + e.visibility().name().toLowerCase(Locale.ROOT).replace('_', '-'), null, e.decidedBy(),
            e.ref().kind() + ":" + e.ref().id(), e.reason(), null));
    }

    @Bean
    DomainEventListener<ConcernRaised> auditConcernRaised(AuditRecorder audit) {
        return named(audit, ConcernRaised.class, e -> new Act("concern-raised:" + e.ref().kind() + ":" + e.ref().id(),
            "safeguarding-concern-raised", onlyOne(e.schoolIds()), null, e.ref().kind() + ":" + e.ref().id(), null, null));
    }

    @Bean
    DomainEventListener<DecisionOpened> auditDecisionOpened(AuditRecorder audit) {
        return byCaller(audit, DecisionOpened.class, e -> new Act("decision-opened:" + e.decisionId(), "decision-opened",
            e.schoolId(), null, "decision:" + e.decisionId(), null, null));
    }

    @Bean
    DomainEventListener<DecisionClosed> auditDecisionClosed(AuditRecorder audit) {
        return byCaller(audit, DecisionClosed.class, e -> new Act("decision-closed:" + e.decisionId(), "decision-closed",
            e.schoolId(), null, "decision:" + e.decisionId(), null, null));
    }

    @Bean
    DomainEventListener<ActRecorded> auditActRecorded(AuditRecorder audit) {
        return named(audit, ActRecorded.class, e -> new Act(e.key(), e.kind(), e.schoolId(), e.actorId(), e.subject(),
            e.reason(), e.at()));
    }

    /** The one school an audience is in, or null (the trust's chain) when it spans several or the trust. */
    static String schoolOf(Audience audience) {
        return switch (audience.scope()) {
            case SCHOOLS -> onlyOne(audience.ids());
            case YEAR_GROUPS -> onlyOne(audience.ids().stream().map(id -> id.split(":", 2)[0])
                .collect(java.util.stream.Collectors.toSet()));
            default -> null;
        };
    }

    private static String onlyOne(Set<String> schoolIds) {
        return schoolIds.size() == 1 ? schoolIds.iterator().next() : null;
    }

    private static <E> DomainEventListener<E> byCaller(AuditRecorder audit, Class<E> type, Function<E, Act> act) {
        return listener(type, event -> audit.recordAsCaller(act.apply(event)));
    }

    private static <E> DomainEventListener<E> named(AuditRecorder audit, Class<E> type, Function<E, Act> act) {
        return listener(type, event -> audit.record(act.apply(event)));
    }

    private static <E> DomainEventListener<E> listener(Class<E> type, Function<E, Mono<?>> handle) {
        return DomainEventListener.of(type, event -> handle.apply(event).then());
    }
}
