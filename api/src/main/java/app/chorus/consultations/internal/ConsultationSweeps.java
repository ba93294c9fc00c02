package app.chorus.consultations.internal;

import app.chorus.platform.Repeating;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;

/** Runs the consultations' repair sweeps in the background: owed pushes published again, crashed supports recounted (ADR 0150). */
@Component
class ConsultationSweeps {

    private static final Logger log = LoggerFactory.getLogger(ConsultationSweeps.class);
    private final PendingPushes pushes;
    private final SupportRecount recount;
    private final Duration republishEvery;
    private final Duration recountEvery;
    private List<Disposable> timers = List.of();

    ConsultationSweeps(PendingPushes pushes, SupportRecount recount,
                       @Value("${chorus.consultations.republish-interval:1m}") Duration republishEvery,
                       @Value("${chorus.consultations.recount-interval:1m}") Duration recountEvery) {
        this.pushes = pushes;
        this.recount = recount;
        this.republishEvery = republishEvery;
        this.recountEvery = recountEvery;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        timers = List.of(Repeating.every(republishEvery, "Owed consultation pushes", log, pushes::sweep),
            Repeating.every(recountEvery, "Support recount", log, recount::sweep));
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        timers.forEach(Disposable::dispose);
    }
}
