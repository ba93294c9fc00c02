package app.chorus.consultations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * A crash between storing a support (or removing one) and moving the idea's counter leaves the idea showing one
 * support too few (or too many): once the ideas phase is over the sweep counts it again from the supports.
 */
@ApiTest
class SupportCountLeftShortByACrashIsRecountedTests {

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    ConsultationStore consultations;
    @Autowired
    SupportRecount recount;

    @Test
    void anIdeaLeftOneShortAfterItsIdeasPhaseShowsEverySupportAfterTheSweep() {
        Instant now = Instant.now();
        String id = "con-recount-" + System.nanoTime();
        consultations.insert(Timetables.ideasThenDeliberation(id, now.minusSeconds(7200), now.minusSeconds(60))).block();
        String ideaId = idea(id, 2);
        support(ideaId, id, "carer-a", false);
        support(ideaId, id, "carer-b", false);
        support(ideaId, id, "carer-c", true);

        recount.sweep().block();

        assertThat(supportsOf(ideaId)).as("the support stored before the crash counts").isEqualTo(3);
    }

    @Test
    void anIdeaLeftOneOverByAnInterruptedWithdrawalLosesTheSupportThatWentAfterTheSweep() {
        Instant now = Instant.now();
        String id = "con-recount-" + System.nanoTime();
        consultations.insert(Timetables.ideasThenDeliberation(id, now.minusSeconds(7200), now.minusSeconds(60))).block();
        String ideaId = idea(id, 2);
        support(ideaId, id, "carer-a", false);
        mongo.insert(new Document("_id", ideaId + "|carer-b").append("ideaId", ideaId).append("at", Date.from(now.minusSeconds(600))),
            Supports.RECOUNTS).block();

        recount.sweep().block();

        assertThat(supportsOf(ideaId)).as("carer-b withdrew before the crash").isEqualTo(1);
    }

    @Test
    void anIdeaStillTakingSupportsIsLeftAloneUntilItsIdeasPhaseEnds() {
        Instant now = Instant.now();
        String id = "con-recount-" + System.nanoTime();
        consultations.insert(Timetables.ideasThenDeliberation(id, now.minusSeconds(7200), now.plusSeconds(3600))).block();
        String ideaId = idea(id, 0);
        support(ideaId, id, "carer-a", true);

        recount.sweep().block();

        assertThat(supportsOf(ideaId)).as("a support may be arriving: counting now could count it twice").isZero();
    }

    private String idea(String consultationId, long supports) {
        String ideaId = "idea-" + consultationId;
        mongo.insert(new Idea(ideaId, consultationId, "Longer library hours", "", null, "per-x", null, false, Visibility.SHOWN,
            supports, null, Instant.now())).block();
        return ideaId;
    }

    private void support(String ideaId, String consultationId, String voice, boolean uncounted) {
        Document support = new Document("_id", ideaId + "|" + voice).append("ideaId", ideaId).append("consultationId", consultationId)
            .append("voice", voice).append("at", Date.from(Instant.now().minusSeconds(600)));
        if (uncounted) {
            support.append(Supports.UNCOUNTED, true);
        }
        mongo.insert(support, Supports.COLLECTION).block();
    }

    private long supportsOf(String ideaId) {
        return mongo.findById(ideaId, Idea.class).block().supports();
    }
}
