package app.chorus.notifications;

import reactor.core.publisher.Mono;

/** What other modules (and the gateway, through the api) ask of notifications. */
public interface Notifications {

    /**
     * Starts (once) the fan-out of a message to its audience's devices, and email where it falls back. Completes
     * with the fan-out id as soon as the fan-out is stored: from then on it survives crashes and is finished by
     * this or another instance. Asking again for the same {@code (source, sourceId, version)} changes nothing.
     */
    Mono<String> fanOut(PushMessage message);

    /** Where a fan-out stands; empty when there is none with this id. */
    Mono<FanOutProgress> progress(String fanOutId);

    /** Stops what has not been sent yet of every fan-out of this source id (e.g. a retracted announcement). */
    Mono<Void> retract(String sourceId);

    /** The person opened the message (reported by the app): reach analytics, and no email fallback. */
    Mono<Void> recordOpened(String source, String sourceId, String personId);
}
