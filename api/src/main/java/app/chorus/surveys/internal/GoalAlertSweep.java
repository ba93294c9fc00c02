package app.chorus.surveys.internal;

import app.chorus.directory.AudienceMember;
import app.chorus.directory.AudienceRole;
import app.chorus.directory.DirectoryQueries;
import app.chorus.notifications.RecipientGroup;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs {@link GoalAlerts#sweep()} every {@code chorus.surveys.goal-alerts-every} (rates move slowly; an alert a few
 * minutes late is still the same day's), and declares the recipient group {@code school-leaders:SCHOOL} the alerts go
 * to: the staff the roster names as leading the school.
 */
@Configuration(value = "surveyGoalAlertSweep", proxyBeanMethods = false)
class GoalAlertSweep {

    private static final Logger log = LoggerFactory.getLogger(GoalAlertSweep.class);

    private final GoalAlerts alerts;
    private final Duration every;
    private Disposable loop;

    GoalAlertSweep(GoalAlerts alerts, @Value("${chorus.surveys.goal-alerts-every:15m}") Duration every) {
        this.alerts = alerts;
        this.every = every;
    }

    @Bean
    static RecipientGroup schoolLeaders(DirectoryQueries directory) {
        return RecipientGroup.of(GoalAlerts.LEADERS, schoolId -> directory.leadersOf(schoolId)
            .map(personId -> new AudienceMember(personId, AudienceRole.STAFF, Set.of(schoolId), Set.of(), null)));
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        loop = Flux.interval(every, every)
            .onBackpressureDrop()
            .concatMap(tick -> alerts.sweep()
                .doOnNext(sent -> {
                    if (sent > 0) {
                        log.info("Told the leaders of {} school(s) below a survey's response goal", sent);
                    }
                })
                .onErrorResume(failure -> {
                    log.warn("Response goal alerts failed; trying again in {}", every, failure);
                    return Mono.empty();
                }))
            .subscribe();
    }

    @PreDestroy
    void stop() {
        if (loop != null) {
            loop.dispose();
        }
    }
}
