package app.chorus.announcements;

import reactor.core.publisher.Mono;

/** Puts other modules' notices in people's feeds. */
public interface FeedNotices {

    /** Adds the notice to the feeds of its audience, once per id (posting it again changes nothing). */
    Mono<Void> post(FeedNotice notice);
}
