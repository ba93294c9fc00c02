package app.chorus.opinions.web;

import app.chorus.directory.Audience;
import app.chorus.identity.CurrentUser;
import app.chorus.opinions.ConversationDraft;
import app.chorus.opinions.internal.MapView;
import app.chorus.opinions.internal.OpinionManagement;
import app.chorus.opinions.internal.OpinionManagement.ConversationView;
import app.chorus.opinions.internal.OpinionManagement.StatementView;
import app.chorus.opinions.internal.OpinionManagement.VoteView;
import app.chorus.opinions.internal.OpinionMaps;
import app.chorus.opinions.internal.PolisImport;
import app.chorus.opinions.internal.ReportView;
import app.chorus.opinions.internal.VoteChoice;
import app.chorus.platform.LiveEvents;
import app.chorus.shared.Problem;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Tag(name = "Opinion map", description = "Conversations of short statements voted agree / disagree / pass, mapped into opinion groups as Polis does")
@RestController
@RequestMapping("/api/v1/opinions/conversations")
class OpinionController {

    private final OpinionManagement opinions;
    private final OpinionMaps maps;
    private final PolisImport polis;

    OpinionController(OpinionManagement opinions, OpinionMaps maps, PolisImport polis) {
        this.opinions = opinions;
        this.maps = maps;
        this.polis = polis;
    }

    record ConversationRequest(String topic, String consultationId, String schoolId, Audience audience, Boolean strict,
                               @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknown) {
    }

    record StatementRequest(String text, @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknown) {
    }

    record VoteRequest(String statementId, VoteChoice vote, @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknown) {
    }

    @Operation(summary = "Open a conversation (leaders; strict moderation by default when pupils take part)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Map<String, String>> openConversation(@AuthenticationPrincipal CurrentUser user, @RequestBody ConversationRequest request) {
        refuseUnknown(request.unknown());
        return opinions.open(user, new ConversationDraft(request.topic(), request.consultationId(), request.schoolId(),
            request.audience(), request.strict())).map(id -> Map.of("id", id));
    }

    /** The conversations found, at most 20. */
    record ConversationList(List<ConversationView> items) {
    }

    @Operation(summary = "A consultation's conversations (its deliberation phase) that you lead or take part in")
    @GetMapping
    Mono<ConversationList> conversationsOfConsultation(@AuthenticationPrincipal CurrentUser user,
                                                       @RequestParam(required = false) String consultationId) {
        return opinions.ofConsultation(user, consultationId).collectList().map(ConversationList::new);
    }

    @Operation(summary = "A conversation: its topic, whether you lead it or take part, and your progress")
    @GetMapping("/{id}")
    Mono<ConversationView> conversation(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return opinions.conversation(user, id);
    }

    @Operation(summary = "Write a statement (at most 140 characters); a leader's seeds the conversation. It shows once moderation allows")
    @PostMapping("/{id}/statements")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<StatementView> writeStatement(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                              @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                              @RequestBody StatementRequest request) {
        refuseUnknown(request.unknown());
        return opinions.write(user, id, request.text(), idempotencyKey);
    }

    @Operation(summary = "Vote AGREE, DISAGREE or PASS; a second vote on the same statement replaces the first")
    @PostMapping("/{id}/votes")
    Mono<VoteView> voteOnStatement(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, @RequestBody VoteRequest request) {
        refuseUnknown(request.unknown());
        return opinions.vote(user, id, request.statementId(), request.vote());
    }

    @Operation(summary = "The next statement to vote on, chosen as Polis does; 204 when you have voted on them all")
    @GetMapping("/{id}/next-statement")
    Mono<ResponseEntity<StatementView>> nextStatement(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return opinions.next(user, id).map(ResponseEntity::ok).defaultIfEmpty(ResponseEntity.noContent().build());
    }

    @Operation(summary = "The opinion map: groups, representative statements, consensus, and where you sit; leaders also see groups by school and role")
    @GetMapping("/{id}/map")
    Mono<MapView> opinionMap(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return maps.map(user, id);
    }

    @Operation(summary = "The opinion map now and after every update (server-sent events)")
    @GetMapping(path = "/{id}/map/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<MapView>> opinionMapStream(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return LiveEvents.keptAlive(maps.stream(user, id).map(view -> ServerSentEvent.builder(view).id(Long.toString(view.version())).event("map").build()));
    }

    @Operation(summary = "The map as an SVG picture with a title and description (the web client and the report's export show it)")
    @GetMapping(path = "/{id}/map.svg", produces = "image/svg+xml")
    Mono<String> opinionMapPicture(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return maps.picture(user, id);
    }

    @Operation(summary = "The report a leader publishes: the groups in plain words, consensus, participation, the picture")
    @GetMapping("/{id}/report")
    Mono<ReportView> opinionReport(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return maps.report(user, id);
    }

    @Operation(summary = "Import a conversation exported from Polis (multipart: topic, schoolId, and comments.csv, votes.csv, "
        + "participants-votes.csv, summary.csv or one zip of them); a malformed export is refused by file and line")
    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Map<String, String>> importPolisExport(@AuthenticationPrincipal CurrentUser user, ServerWebExchange exchange) {
        return exchange.getMultipartData().flatMap(parts -> {
            String topic = ExportUpload.field(parts, "topic");
            if (topic == null) {
                return Mono.error(Problem.badRequest("missing-field", "Give the conversation a topic.").with("field", "topic"));
            }
            return ExportUpload.folder(parts)
                .flatMap(folder -> polis.importFolder(user, topic, ExportUpload.field(parts, "schoolId"), folder));
        }).map(conversation -> Map.of("id", conversation.id()));
    }

    /** Unknown fields are refused, naming the first, rather than silently ignored. */
    private static void refuseUnknown(Map<String, Object> unknown) {
        if (unknown != null && !unknown.isEmpty()) {
            String field = unknown.keySet().iterator().next();
            throw Problem.badRequest("unknown-field", "'" + field + "' is not a field here: remove it.").with("field", field);
        }
    }
}
