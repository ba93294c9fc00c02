package app.chorus.consultations.internal;

import app.chorus.consultations.Phase;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceRole;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Consultations stored directly, with a timetable measured in seconds. */
final class Timetables {

    private Timetables() {
    }

    static Consultation ideasThenDeliberation(String id, Instant ideas, Instant deliberation) {
        ConsultationDraft draft = new ConsultationDraft(null, "en", Map.of("en", new Text("Timed " + id, "When?", "")),
            new Decider(false, null, "the trust board"), Audience.trust(AudienceRole.CARERS), null, null, false,
            List.of(new PhasePlan(Phase.IDEAS, ideas), new PhasePlan(Phase.DELIBERATION, deliberation)), null, null, null, null);
        return Consultation.create(id, draft, null, Instant.now());
    }
}
