package app.chorus.consultations.internal;

import app.chorus.platform.StoreIndexes;
import app.chorus.platform.StoreIndexes.On;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/** The indexes the consultations queries need: ideas and threads by consultation, supports by idea ({@link StoreIndexes}). */
@Component
class ConsultationIndexes extends StoreIndexes {

    ConsultationIndexes(ReactiveMongoTemplate mongo) {
        super(mongo, "consultation",
            new On(Idea.COLLECTION, "consultationId"),
            new On(Comment.COLLECTION, "consultationId", "ideaId", "depth", "_id"),
            new On(Comment.COLLECTION, "rootId"),
            new On(Supports.COLLECTION, "ideaId"),
            new On(Supports.RECOUNTS, "at"),
            new On(Participants.PEOPLE, "consultationId", "_id"),
            new On(LocalAnswers.COLLECTION, "consultationId", "schoolId"),
            new On(Consultation.COLLECTION, "continuesFrom"),
            new On(Consultation.COLLECTION, "schoolId"),
            new On(DuePhases.COLLECTION, "dueAt"),
            new On(RosterReach.REACH, "consultationId"),
            On.expiring(Replays.COLLECTION, Replays.AT, Replays.KEPT),
            On.expiring(IdeaListings.COLLECTION, IdeaListings.AT, IdeaListings.KEPT));
    }
}
