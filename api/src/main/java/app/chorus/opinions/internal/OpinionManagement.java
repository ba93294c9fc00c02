package app.chorus.opinions.internal;

import app.chorus.directory.AccessPolicy;
import app.chorus.directory.AudienceResolver;
import app.chorus.directory.AudienceRole;
import app.chorus.identity.CurrentUser;
import app.chorus.moderation.Contribution;
import app.chorus.moderation.Moderation;
import app.chorus.moderation.Visibility;
import app.chorus.opinions.ConversationDraft;
import app.chorus.opinions.OpinionConversations;
import app.chorus.shared.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The opinion map's rules: leaders open conversations and seed statements; people in the audience write statements
 * (moderated: pupils' and, in a strict conversation, everyone's wait for approval), are shown one statement at a time
 * and hold one standing vote per statement.
 */
@Service
public class OpinionManagement implements OpinionConversations {

    private static final int CONSULTATION_CONVERSATIONS = 20;
    static final String REPLACED_NOTE = "Your new vote replaces your earlier one: one vote per statement counts.";
    private final OpinionStore store;
    private final Seats seats;
    private final AccessPolicy accessPolicy;
    private final AudienceResolver audiences;
    private final Moderation moderation;
    private final LiveMaps maps;

    OpinionManagement(OpinionStore store, Seats seats, AccessPolicy accessPolicy, AudienceResolver audiences,
                      Moderation moderation, LiveMaps maps) {
        this.store = store;
        this.seats = seats;
        this.accessPolicy = accessPolicy;
        this.audiences = audiences;
        this.moderation = moderation;
        this.maps = maps;
    }

    public record StatementView(String id, String text, boolean seeded, Visibility visibility) {
    }

    public record VoteView(String statementId, VoteChoice vote, boolean replaced, String note) {
    }

    /**
     * A conversation as the caller sees it: what it is about, whether they lead it or take part, and their progress
     * (statements shown so far and how many of them they voted on).
     */
    public record ConversationView(String id, String topic, String consultationId, String schoolId, boolean strict,
                                   boolean youLead, boolean youTakePart, long statementsShown, int yourVotes) {
    }

    public Mono<ConversationView> conversation(CurrentUser user, String conversationId) {
        return seats.of(user, conversationId).flatMap(this::view);
    }

    /** The conversations of a consultation's deliberation phase the caller leads or takes part in. */
    public Flux<ConversationView> ofConsultation(CurrentUser user, String consultationId) {
        if (consultationId == null || consultationId.isBlank()) {
            return Flux.error(Problem.badRequest("missing-field", "Say which consultation's conversations to list.")
                .with("field", "consultationId"));
        }
        return store.ofConsultation(consultationId, CONSULTATION_CONVERSATIONS)
            .concatMap(conversation -> seats.in(user, conversation)).concatMap(this::view);
    }

    private Mono<ConversationView> view(Seat seat) {
        Conversation conversation = seat.conversation();
        Mono<Integer> votes = seat.takesPart() ? maps.of(conversation.id()).map(map -> map.votesOf(seat.personId()))
            : Mono.just(0);
        return Mono.zip(store.statements(conversation.id()).filter(statement -> statement.visibility().shown()).count(), votes)
            .map(found -> new ConversationView(conversation.id(), conversation.topic(), conversation.consultationId(),
                conversation.schoolId(), conversation.strict(), seat.leads(), seat.takesPart(), found.getT1(), found.getT2()));
    }

    @Override
    public Mono<String> open(CurrentUser leader, ConversationDraft draft) {
        return checked(leader, draft).flatMap(conversation -> store.insert(conversation)).map(Conversation::id);
    }

    /** A validated new conversation, nothing written; {@code importedFrom} names a Polis export. */
    Mono<Conversation> checked(CurrentUser leader, ConversationDraft draft) {
        String topic = draft.topic() == null ? "" : draft.topic().strip();
        if (topic.isEmpty() || topic.length() > Conversation.MAX_TOPIC) {
            return Mono.error(Problem.badRequest("invalid-topic", "Give a topic of 1 to " + Conversation.MAX_TOPIC
                + " characters.").with("field", "topic"));
        }
        if (draft.audience() == null) {
            return Mono.error(Problem.badRequest("missing-field", "Say who takes part.").with("field", "audience"));
        }
        return accessPolicy.accessOf(leader).flatMap(access -> {
            if (draft.schoolId() != null) {
                access.requireSchool(draft.schoolId());
            }
            if (!Seats.leads(access, draft.schoolId()) || !access.canAddress(draft.audience())) {
                return Mono.error(Problem.forbidden("not-a-leader",
                    "Only leaders of the school (or trust leaders, for a trust-wide conversation) open one for this audience."));
            }
            boolean strict = draft.strict() != null ? draft.strict() : draft.audience().roles().contains(AudienceRole.PUPILS);
            return audiences.validate(draft.audience()).map(audience -> new Conversation(UUID.randomUUID().toString(), topic,
                draft.consultationId(), draft.schoolId(), audience, strict, leader.personId(), Instant.now(), null));
        });
    }

    /** Writes a statement; with an {@code Idempotency-Key} a retried request answers the statement it wrote. */
    public Mono<StatementView> write(CurrentUser user, String conversationId, String text, String idempotencyKey) {
        String statement = text == null ? "" : text.strip();
        if (statement.isEmpty() || statement.length() > Statement.MAX_TEXT) {
            return Mono.error(Problem.badRequest("invalid-statement", "Write a statement of 1 to " + Statement.MAX_TEXT
                + " characters (this one has " + statement.length() + ").").with("field", "text"));
        }
        return seats.of(user, conversationId).flatMap(seats::oldEnough).flatMap(seat -> {
            if (!seat.takesPart() && !seat.leads()) {
                return Mono.error(Problem.forbidden("not-in-audience", "Only people in the conversation write in it."));
            }
            String id = idempotencyKey == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes((conversationId + "|" + seat.personId() + "|" + idempotencyKey)
                    .getBytes(StandardCharsets.UTF_8)).toString();
            Statement draft = new Statement(id, conversationId, statement, seat.personId(), seat.leads(),
                Visibility.AWAITING_APPROVAL, Instant.now(), null);
            return store.insert(draft).flatMap(stored -> submit(seat, stored));
        }).map(OpinionManagement::view);
    }

    private Mono<Statement> submit(Seat seat, Statement statement) {
        Set<String> schools = seat.access().schools();
        Contribution contribution = new Contribution(statement.ref(), seat.conversation().topic(), statement.text(),
            seat.conversation().schoolId(), schools, statement.authorPersonId(), seat.preModerated());
        return moderation.submit(contribution).flatMap(visibility -> moderated(statement.id(), visibility));
    }

    /** Keeps moderation's decision on the statement and tells the live map. */
    Mono<Statement> moderated(String statementId, Visibility visibility) {
        return store.visibility(statementId, visibility, Instant.now())
            .flatMap(statement -> maps.statementChanged(statement).thenReturn(statement));
    }

    public Mono<VoteView> vote(CurrentUser user, String conversationId, String statementId, VoteChoice choice) {
        if (statementId == null || statementId.isBlank()) {
            return Mono.error(Problem.badRequest("missing-field", "Say which statement you vote on.").with("field", "statementId"));
        }
        if (choice == null) {
            return Mono.error(Problem.badRequest("missing-field", "Vote AGREE, DISAGREE or PASS.").with("field", "vote"));
        }
        return seats.takingPart(user, conversationId).flatMap(seat -> store.statement(statementId)
            .filter(statement -> statement.conversationId().equals(conversationId))
            .switchIfEmpty(Mono.error(() -> Problem.badRequest("unknown-statement",
                "There is no statement " + statementId + " in this conversation: vote on one you were shown.")
                .with("field", "statementId")))
            .flatMap(statement -> statement.visibility().shown() ? record(seat, statement, choice)
                : Mono.error(Problem.conflict("statement-not-shown",
                    "This statement is not shown (moderated or waiting for approval): it takes no votes.")
                    .with("field", "statementId"))));
    }

    private Mono<VoteView> record(Seat seat, Statement statement, VoteChoice choice) {
        String person = seat.personId();
        StoredVote vote = new StoredVote(StoredVote.key(statement.conversationId(), person, statement.id()),
            statement.conversationId(), person, statement.id(), choice.value(), System.currentTimeMillis());
        Participant participant = new Participant(statement.conversationId() + ":" + person, statement.conversationId(),
            person, seat.school(), seat.role());
        return store.join(participant).then(store.put(vote).map(replaced -> (Integer) replaced.value())
                .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
            .flatMap(replaced -> maps.voted(vote, replaced.orElse(null))
                .thenReturn(new VoteView(statement.id(), choice, replaced.isPresent(), replaced.isPresent() ? REPLACED_NOTE : null)));
    }

    /** The next statement for the caller, chosen as Polis does; empty when they have voted on every shown one. */
    public Mono<StatementView> next(CurrentUser user, String conversationId) {
        return seats.takingPart(user, conversationId).flatMap(seat -> Mono.zip(
                store.statements(conversationId).filter(statement -> statement.visibility().shown()).collectList(),
                maps.of(conversationId))
            .flatMap(found -> store.votedOn(conversationId, seat.personId(),
                    found.getT1().stream().map(Statement::id).toList()).collect(Collectors.toSet())
                .flatMap(voted -> Mono.justOrEmpty(StatementRouting.choose(candidates(found.getT1(), voted,
                    found.getT2()), ThreadLocalRandom.current())))))
            .map(OpinionManagement::view);
    }

    private static List<StatementRouting.Candidate> candidates(List<Statement> shown, Set<String> voted, LiveMap map) {
        Map<String, Double> extremity = map.snapshot().extremity();
        return shown.stream().filter(statement -> !voted.contains(statement.id())).map(statement -> {
            int[] counts = map.counts(statement.id());
            return new StatementRouting.Candidate(statement, counts[0], counts[2], counts[0] + counts[1] + counts[2],
                extremity.getOrDefault(statement.id(), 0.0));
        }).toList();
    }

    static StatementView view(Statement statement) {
        return new StatementView(statement.id(), statement.text(), statement.seeded(), statement.visibility());
    }
}
