package app.chorus.consultations.web;

import app.chorus.consultations.internal.ActionInput;
import app.chorus.consultations.internal.AskCalendar;
import app.chorus.consultations.internal.ConsultationDraft;
import app.chorus.consultations.internal.ConsultationManagement;
import app.chorus.consultations.internal.ConsultationView;
import app.chorus.consultations.internal.CycleView;
import app.chorus.consultations.internal.LocalEdition;
import app.chorus.consultations.internal.LocalEditions;
import app.chorus.consultations.internal.OutcomeInput;
import app.chorus.consultations.internal.HomeConsultations;
import app.chorus.identity.CurrentUser;
import app.chorus.questionnaires.Question;
import app.chorus.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/consultations")
@Tag(name = "Consultations", description = "Create consultations, move their phases, publish outcomes and actions, adapt them per school")
class ConsultationsController {

    private final ConsultationManagement management;
    private final LocalEditions editions;
    private final AskCalendar calendar;
    private final HomeConsultations home;

    ConsultationsController(ConsultationManagement management, LocalEditions editions, AskCalendar calendar,
                            HomeConsultations home) {
        this.management = management;
        this.editions = editions;
        this.calendar = calendar;
        this.home = home;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a consultation with its timetable (a repeated Idempotency-Key returns the same one)")
    Mono<ConsultationView> create(@AuthenticationPrincipal CurrentUser user, @RequestBody ConsultationDraft input,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return management.create(user, input, idempotencyKey);
    }

    @GetMapping
    @Operation(summary = "Consultations you take part in, manage or (as staff) can see, newest first")
    Mono<Page<ConsultationView>> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String lang) {
        return management.visibleTo(user, lang).take(200).collectList().map(items -> Page.of(items, null));
    }

    @GetMapping("/waiting")
    @Operation(summary = "For your home: consultations needing your input (per child), then outcome news of those you took part in",
        description = "'sync' is a delta cursor for GET /waiting/changes?since=")
    Mono<HomeConsultations.Home> waiting(@AuthenticationPrincipal CurrentUser user) {
        return home.home(user);
    }

    @GetMapping("/waiting/changes")
    @Operation(summary = "Delta sync of your home's consultations: changed (now on your home) and removed (no longer) since a cursor",
        description = "Start from the 'sync' of GET /waiting (without 'since': from the beginning); keep 'cursor'; call again at once while 'more'.")
    Mono<HomeConsultations.Delta> waitingChanges(@AuthenticationPrincipal CurrentUser user,
                                                 @RequestParam(required = false) String since) {
        return since == null || since.isBlank() ? home.since(user, HomeConsultations.FROM_THE_START) : home.since(user, since);
    }

    @GetMapping("/calendar")
    @Operation(summary = "Per week, the surveys, consultations and decisions open or planned, for a school or the trust (leaders) or one carer (fatigue calendar)",
        description = "carerId: every ask reaching the carer through any of their children is counted in 'open'. Staff and leaders of one of "
            + "their children's schools see listed only the asks of their own schools; a carer asks for their own with their own id and sees "
            + "all of them. 'limit' is the trust's most open asks per person.")
    Mono<AskCalendar.Calendar> calendar(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String from,
                                        @RequestParam(required = false) Integer weeks, @RequestParam(required = false) String schoolId,
                                        @RequestParam(required = false) String carerId) {
        return calendar.of(user, from, weeks, schoolId, carerId);
    }

    @GetMapping("/{consultationId}")
    @Operation(summary = "One consultation in your language (falling back to the trust default), with its promises stated")
    Mono<ConsultationView> get(@AuthenticationPrincipal CurrentUser user, @PathVariable String consultationId,
                               @RequestParam(required = false) String lang) {
        return management.get(user, consultationId, lang);
    }

    @PostMapping("/{consultationId}/advance")
    @Operation(summary = "Move on now: the next phase starts (skipping the rest of this one), or the last one ends")
    Mono<ConsultationView> advance(@AuthenticationPrincipal CurrentUser user, @PathVariable String consultationId) {
        return management.advance(user, consultationId);
    }

    @PutMapping("/{consultationId}/outcome")
    @Operation(summary = "Publish the decision with its rationale and the ideas and comments that shaped it")
    Mono<ConsultationView> outcome(@AuthenticationPrincipal CurrentUser user, @PathVariable String consultationId,
                                   @RequestBody OutcomeInput input) {
        return management.publishOutcome(user, consultationId, input);
    }

    @PostMapping("/{consultationId}/actions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an action to the outcome; those who took part are told")
    Mono<ConsultationView> addAction(@AuthenticationPrincipal CurrentUser user, @PathVariable String consultationId,
                                     @RequestBody ActionInput input) {
        return management.putAction(user, consultationId, null, input);
    }

    @PutMapping("/{consultationId}/actions/{actionId}")
    @Operation(summary = "Change an action (status, progress, milestones); those who took part are told")
    Mono<ConsultationView> changeAction(@AuthenticationPrincipal CurrentUser user, @PathVariable String consultationId,
                                        @PathVariable String actionId, @RequestBody ActionInput input) {
        return management.putAction(user, consultationId, actionId, input);
    }

    @GetMapping("/{consultationId}/chain")
    @Operation(summary = "The chain of cycles this consultation belongs to, earliest first")
    Mono<List<CycleView>> chain(@AuthenticationPrincipal CurrentUser user, @PathVariable String consultationId) {
        return management.chain(user, consultationId);
    }

    @PutMapping("/{consultationId}/schools/{schoolId}")
    @Operation(summary = "A school's leader adds local questions and a closing date within the trust's window")
    Mono<LocalEdition> adapt(@AuthenticationPrincipal CurrentUser user, @PathVariable String consultationId,
                             @PathVariable String schoolId, @RequestBody SchoolAdaptation input) {
        return editions.adapt(user, consultationId, schoolId, input.questions(), input.closesAt());
    }

    record SchoolAdaptation(List<Question> questions, Instant closesAt) {
    }
}
