package app.chorus.consultations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.consultations.Phase;
import app.chorus.directory.Audience;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContext;

/** Consultations in their ideas phase, announced (and their reach recorded) by a sweep run by hand (no timing). */
final class ConsultationsOpenForIdeas {

    private ConsultationsOpenForIdeas() {
    }

    /** A consultation of the school (null: the whole trust) for the audience, open for ideas since a minute ago; its id. */
    static String open(ApplicationContext context, String schoolId, Audience audience, String idPrefix) {
        ConsultationStore consultations = context.getBean(ConsultationStore.class);
        Instant now = Instant.now();
        String id = idPrefix + System.nanoTime();
        ConsultationDraft draft = new ConsultationDraft(schoolId, "en", Map.of("en", new Text("Open " + id, "What?", "")),
            new Decider(false, null, "the governors"), audience, null, null, false,
            List.of(new PhasePlan(Phase.IDEAS, now.minusSeconds(60)), new PhasePlan(Phase.DELIBERATION, now.plusSeconds(86_400))),
            null, null, null, null);
        consultations.insert(Consultation.create(id, draft, null, now)).block();
        context.getBean(DuePhases.class).schedule(id, now.minusSeconds(1)).block();
        context.getBean(PhaseScheduler.class).sweep(idPrefix + "test").block(Duration.ofSeconds(60));
        assertThat(consultations.find(id).block().announcedStage()).isEqualTo("IDEAS");
        return id;
    }
}
