package app.chorus.directory;

import app.chorus.identity.CurrentUser;
import reactor.core.publisher.Mono;

/** The one authorization policy of the api. */
public interface AccessPolicy {

    Mono<Access> accessOf(CurrentUser user);
}
