package app.chorus.announcements.internal;

import app.chorus.announcements.DeviceReach;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceMember;
import app.chorus.directory.AudienceResolver;
import app.chorus.directory.AudienceRole;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Counts an audience's people and, when a {@link DeviceReach} exists, their devices, in one pass over the
 * streamed audience: members are taken {@value #BATCH} at a time and their devices read in one query per batch,
 * so memory is bounded by the batch and by schools x roles, never by the audience.
 */
@Component
class ReachPreviewer {

    static final int BATCH = 500;
    private final AudienceResolver resolver;
    private final ObjectProvider<DeviceReach> devices;

    ReachPreviewer(AudienceResolver resolver, ObjectProvider<DeviceReach> devices) {
        this.resolver = resolver;
        this.devices = devices;
    }

    Mono<ReachPreview> preview(Audience audience, boolean needsApproval) {
        DeviceReach deviceReach = devices.getIfAvailable();
        Tally people = new Tally();
        Tally reached = new Tally();
        return resolver.resolve(audience)
            .buffer(BATCH)
            .concatMap(batch -> countDevices(deviceReach, batch).doOnNext(perPerson -> {
                for (AudienceMember member : batch) {
                    people.add(member, 1);
                    reached.add(member, perPerson.getOrDefault(member.personId(), 0));
                }
            }), 1)
            .then(Mono.fromSupplier(() -> new ReachPreview(people.total, people.byRole, people.bySchool,
                deviceReach == null ? null : new ReachPreview.DeviceCounts(reached.total, reached.byRole, reached.bySchool),
                needsApproval)));
    }

    private static Mono<Map<String, Integer>> countDevices(DeviceReach deviceReach, List<AudienceMember> batch) {
        if (deviceReach == null) {
            return Mono.just(Map.of());
        }
        return deviceReach.devicesOf(batch.stream().map(AudienceMember::personId).toList()).defaultIfEmpty(Map.of());
    }

    /** Running counts in all, by role and by school and role. */
    private static final class Tally {
        long total;
        final Map<AudienceRole, Long> byRole = new EnumMap<>(AudienceRole.class);
        final Map<String, Map<AudienceRole, Long>> bySchool = new HashMap<>();

        void add(AudienceMember member, long count) {
            total += count;
            byRole.merge(member.role(), count, Long::sum);
            member.schoolIds().forEach(school -> bySchool.computeIfAbsent(school, s -> new EnumMap<>(AudienceRole.class))
                .merge(member.role(), count, Long::sum));
        }
    }
}
