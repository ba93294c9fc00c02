package app.chorus.consultations.internal;

import java.util.List;

/** An action as a leader writes it. */
public record ActionInput(String what, String ownerName, Action.ActionStatus status, Integer progress, List<Milestone> milestones) {

    void requireValid() {
        if (what == null || what.isBlank() || what.length() > 500) {
            throw Problems.invalid("what", "length-1-500", "Say what will be done, in 1-500 characters.");
        }
        if (ownerName == null || ownerName.isBlank()) {
            throw Problems.invalid("ownerName", "required", "Say who owns this action.");
        }
        if (progress != null && (progress < 0 || progress > 100)) {
            throw Problems.invalid("progress", "percent-0-100", "Progress is a percentage from 0 to 100.");
        }
        if (milestones != null) {
            for (int i = 0; i < milestones.size(); i++) {
                Milestone m = milestones.get(i);
                if (m == null || m.what() == null || m.what().isBlank() || m.dueAt() == null) {
                    throw Problems.invalid("milestones[" + i + "]", "what-and-due-date-required", "Each milestone says what and when it is due.");
                }
            }
        }
    }
}
