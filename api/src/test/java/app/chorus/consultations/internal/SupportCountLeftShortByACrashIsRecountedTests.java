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
 * support too few (or too many): the sweep counts it again from the supports, also while supports still arrive, but
 * never while one of the idea's supports or withdrawals is still under way.
 */
@ApiTest
class SupportCountLeftShortByACrashIsRecountedTests {

    private static final long IDEAS_ENDED = -60;
    private static final long IDEAS_OPEN = 3600;

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    ConsultationStore consultations;
    @Autowired
    SupportRecount recount;

    @Test
    void anIdeaLeftOneShortAfterItsIdeasPhaseShowsEverySupportAfterTheSweep() {
        String id = consultation(IDEAS_ENDED);
        String ideaId = idea(id, 2);
        support(ideaId, id, "carer-a", false);
        support(ideaId, id, "carer-b", false);
        support(ideaId, id, "carer-c", true);

        recount.sweep().block();

        assertThat(supportsOf(ideaId)).as("the support stored before the crash counts").isEqualTo(3);
    }

    @Test
    void anIdeaLeftOneOverByAnInterruptedWithdrawalLosesTheSupportThatWentAfterTheSweep() {
        String id = consultation(IDEAS_ENDED);
        String ideaId = idea(id, 2);
        support(ideaId, id, "carer-a", false);
        mongo.insert(new Document("_id", ideaId + "|carer-b").append("ideaId", ideaId)
            .append("at", Date.from(Instant.now().minusSeconds(600))), Supports.RECOUNTS).block();

        recount.sweep().block();

        assertThat(supportsOf(ideaId)).as("carer-b withdrew before the crash").isEqualTo(1);
    }

    @Test
    void anIdeaStillTakingSupportsIsRecountedWhileItsIdeasPhaseIsOpen() {
        String id = consultation(IDEAS_OPEN);
        String ideaId = idea(id, 1);
        support(ideaId, id, "carer-a", false);
        support(ideaId, id, "carer-b", true);

        recount.sweep().block();

        assertThat(supportsOf(ideaId)).as("the support left uncounted by a crash, while supports still arrive").isEqualTo(2);
        assertThat(mongo.findById(ideaId + "|carer-b", Document.class, Supports.COLLECTION).block())
            .as("no longer in doubt").doesNotContainKey(Supports.UNCOUNTED);
    }

    @Test
    void anIdeaWithASupportBeingCountedRightNowWaitsForTheNextSweep() {
        String id = consultation(IDEAS_OPEN);
        String ideaId = idea(id, 0);
        support(ideaId, id, "carer-a", true);
        mongo.insert(new Document("_id", ideaId + "|carer-b").append("ideaId", ideaId).append("consultationId", id)
            .append("voice", "carer-b").append("at", new Date()).append(Supports.UNCOUNTED, true), Supports.COLLECTION).block();

        recount.sweep().block();

        assertThat(supportsOf(ideaId)).as("carer-b's increment may land after a recount and count it twice").isZero();
    }

    @Test
    void anIdeaWithAWithdrawalUnderWayWaitsForTheNextSweep() {
        String id = consultation(IDEAS_OPEN);
        String ideaId = idea(id, 0);
        support(ideaId, id, "carer-a", true);
        mongo.insert(new Document("_id", ideaId + "|carer-b").append("ideaId", ideaId).append("at", new Date()),
            Supports.RECOUNTS).block();

        recount.sweep().block();

        assertThat(supportsOf(ideaId)).as("carer-b's decrement may still come: counted next time").isZero();
    }

    /** A consultation whose ideas phase began two hours ago and ends this many seconds from now. */
    private String consultation(long ideasEndIn) {
        Instant now = Instant.now();
        String id = "con-recount-" + System.nanoTime();
        consultations.insert(Timetables.ideasThenDeliberation(id, now.minusSeconds(7200), now.plusSeconds(ideasEndIn))).block();
        return id;
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
