package app.chorus.opinions.internal;

import app.chorus.moderation.ContributionModerated;
import app.chorus.platform.DomainEventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Keeps each statement's copy of its visibility, and the live map's zeroed columns, as moderation decides. */
@Component
class StatementModerationListener implements DomainEventListener<ContributionModerated> {

    private final OpinionManagement opinions;

    StatementModerationListener(OpinionManagement opinions) {
        this.opinions = opinions;
    }

    @Override
    public Class<ContributionModerated> eventType() {
        return ContributionModerated.class;
    }

    @Override
    public Mono<Void> on(ContributionModerated event) {
        if (!Statement.KIND.equals(event.ref().kind())) {
            return Mono.empty();
        }
        return opinions.moderated(event.ref().id(), event.visibility()).then();
    }
}
