package app.chorus.consultations.internal;

import java.time.Instant;
import java.util.List;

/** Something the trust or school promised to do because of the outcome, and how far it has got. */
public record Action(String id, String what, String ownerName, ActionStatus status, int progress,
                     List<Milestone> milestones, int revision, Instant updatedAt) {

    public enum ActionStatus { PLANNED, IN_PROGRESS, DONE, DROPPED }
}
