package app.chorus.opinions.internal;

import app.chorus.directory.Access;
import app.chorus.directory.AccessPolicy;
import app.chorus.consent.PupilParticipation;
import app.chorus.directory.AudienceResolver;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import app.chorus.shared.Problem;
import java.util.Collections;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Who may see a conversation: its audience and its leaders; anyone else gets 404, as for another school's data. */
@Component
class Seats {

    private final OpinionStore store;
    private final AccessPolicy accessPolicy;
    private final AudienceResolver audiences;
    private final PupilParticipation pupils;

    Seats(OpinionStore store, AccessPolicy accessPolicy, AudienceResolver audiences, PupilParticipation pupils) {
        this.store = store;
        this.accessPolicy = accessPolicy;
        this.audiences = audiences;
        this.pupils = pupils;
    }

    Mono<Seat> of(CurrentUser user, String conversationId) {
        return store.conversation(conversationId).flatMap(conversation -> in(user, conversation))
            .switchIfEmpty(Mono.error(() -> Problem.notFound("The conversation " + conversationId)));
    }

    /** The caller's seat in the conversation; empty when they neither lead it nor take part. */
    Mono<Seat> in(CurrentUser user, Conversation conversation) {
        return accessPolicy.accessOf(user)
            .flatMap(access -> keys(user).map(keys -> seat(conversation, access, keys)))
            .filter(seat -> seat.leads() || seat.takesPart());
    }

    Mono<Seat> leading(CurrentUser user, String conversationId) {
        return of(user, conversationId).filter(Seat::leads).switchIfEmpty(Mono.error(() ->
            Problem.forbidden("not-a-leader", "Only the leaders of the conversation's school (or the trust's) do this.")));
    }

    Mono<Seat> takingPart(CurrentUser user, String conversationId) {
        return of(user, conversationId).filter(Seat::takesPart).switchIfEmpty(Mono.error(() ->
            Problem.forbidden("not-in-audience", "Only people the conversation is addressed to vote and write in it.")))
            .flatMap(this::oldEnough);
    }

    /** A pupil under the trust's minimum age takes part only with a carer's consent (403 otherwise). */
    Mono<Seat> oldEnough(Seat seat) {
        return seat.pupil() ? pupils.require(seat.personId()).thenReturn(seat) : Mono.just(seat);
    }

    static boolean leads(Access access, String schoolId) {
        if (schoolId == null) {
            return access.user().has(Role.TRUST_LEADER);
        }
        return access.user().hasAny(Role.SCHOOL_LEADER, Role.TRUST_LEADER) && access.leadsSchools().contains(schoolId);
    }

    private Mono<Set<String>> keys(CurrentUser user) {
        return user.isLinkedToPerson() ? audiences.keysOf(user.personId()) : Mono.just(Set.of());
    }

    private static Seat seat(Conversation conversation, Access access, Set<String> keys) {
        boolean takesPart = access.user().isLinkedToPerson() && !Collections.disjoint(keys, conversation.audience().keys());
        return new Seat(conversation, access, leads(access, conversation.schoolId()), takesPart);
    }
}
