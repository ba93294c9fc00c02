package app.chorus.notifications;

/**
 * Where one fan-out stands.
 *
 * @param fanOutId  {@code source:sourceId:vN}
 * @param state     PLANNING, SENDING, DONE or CANCELLED
 * @param targets   device (and email) targets planned so far
 * @param accepted  messages FCM (or the mail server) accepted
 * @param retired   tokens retired because FCM called them UNREGISTERED / INVALID_ARGUMENT
 * @param failed    messages given up on after a permanent error
 * @param expired   messages given up because they stopped mattering (their lifetime ran out, e.g. through a long FCM
 *                  outage) before FCM took them
 * @param pending   targets not yet sent (held by quiet hours, waiting for a retry, or queued)
 */
public record FanOutProgress(String fanOutId, String state, long targets, long accepted, long retired, long failed,
                             long expired, long pending) {
}
