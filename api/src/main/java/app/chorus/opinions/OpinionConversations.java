package app.chorus.opinions;

import app.chorus.identity.CurrentUser;
import reactor.core.publisher.Mono;

/** What other modules (a consultation's deliberation phase) ask of the opinion map. */
public interface OpinionConversations {

    /** Opens a conversation; answers its id. Only leaders who may address the audience open one. */
    Mono<String> open(CurrentUser leader, ConversationDraft draft);
}
