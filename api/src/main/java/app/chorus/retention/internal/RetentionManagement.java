package app.chorus.retention.internal;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import app.chorus.platform.DomainEvents;
import app.chorus.retention.RetainedData;
import app.chorus.shared.ActRecorded;
import app.chorus.shared.Problem;
import java.time.Instant;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The trust's retention schedule: read by trust leaders, the trust admin and the privacy officer; set by the privacy
 * officer or the trust admin (each change audited); a purge started on request by the same two.
 */
@Service
public class RetentionManagement {

    private final Schedules schedules;
    private final RetentionPurge purge;
    private final DomainEvents events;

    RetentionManagement(Schedules schedules, RetentionPurge purge, DomainEvents events) {
        this.schedules = schedules;
        this.purge = purge;
        this.events = events;
    }

    public Mono<ScheduleView> schedule(CurrentUser user) {
        if (!user.hasAny(Role.PRIVACY_OFFICER, Role.TRUST_ADMIN, Role.TRUST_LEADER)) {
            return Mono.error(Problem.forbidden("not-retention-reader",
                "The retention schedule is read by trust leaders, the trust admin and the privacy officer."));
        }
        return schedules.current().map(this::view);
    }

    public Mono<ScheduleView> setSchedule(CurrentUser user, ScheduleInput input) {
        if (!user.hasAny(Role.PRIVACY_OFFICER, Role.TRUST_ADMIN)) {
            return Mono.error(Problem.forbidden("not-retention-setter",
                "Only the privacy officer or the trust admin sets the retention schedule."));
        }
        Map<RetainedData, Period> asked = new EnumMap<>(RetainedData.class);
        input.given().forEach((kind, value) -> asked.put(kind, SchedulePeriods.valid(kind, value)));
        return schedules.current().flatMap(current -> {
            Map<RetainedData, Period> changes = new EnumMap<>(RetainedData.class);
            asked.forEach((kind, period) -> {
                if (!period.equals(current.periods().get(kind))) {
                    changes.put(kind, period);
                }
            });
            if (changes.isEmpty()) {
                return Mono.just(view(current));
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            String reason = changes.entrySet().stream().map(change -> change.getKey().field() + " "
                + current.periods().get(change.getKey()) + " -> " + change.getValue()).collect(Collectors.joining(", "));
            return schedules.set(changes, user.personId(), now)
                .then(events.publish(new ActRecorded("retention-schedule:" + now.toEpochMilli() + ":" + reason,
                    "retention-schedule-changed", null, user.personId(), "retention-schedule", reason, now)))
                .then(schedules.current()).map(this::view);
        });
    }

    public Mono<PurgeReport> purgeNow(CurrentUser user) {
        if (!user.hasAny(Role.PRIVACY_OFFICER, Role.TRUST_ADMIN)) {
            return Mono.error(Problem.forbidden("not-retention-setter",
                "Only the privacy officer or the trust admin starts a retention purge."));
        }
        return purge.run(user.personId()).switchIfEmpty(Mono.error(() -> Problem.conflict("purge-running",
            "Another purge is running; its progress is in the api's log. Try again when it has finished.")));
    }

    private ScheduleView view(Schedules.Schedule schedule) {
        return new ScheduleView(Arrays.stream(RetainedData.values()).map(kind -> new ScheduleView.Kind(kind.field(),
            schedule.periods().get(kind).toString(), kind.byDefault().toString(), kind.shortest().toString(), kind.what(),
            purge.enforced(kind))).toList(), schedule.updatedAt());
    }
}
