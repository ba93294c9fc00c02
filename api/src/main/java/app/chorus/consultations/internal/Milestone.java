package app.chorus.consultations.internal;

import java.time.Instant;

/** A step of an action with its due date. */
public record Milestone(String what, Instant dueAt, Boolean done) {

    public Milestone {
        done = Boolean.TRUE.equals(done);
    }
}
