package app.chorus.notifications.internal.fanout;

import app.chorus.directory.AudienceMember;
import app.chorus.directory.AudienceResolver;
import app.chorus.notifications.PushMessage;
import app.chorus.notifications.RecipientGroup;
import app.chorus.notifications.internal.PushProperties;
import app.chorus.notifications.internal.devices.Recipients;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns a fan-out into batches by streaming its audience (with backpressure) in chunks: each chunk's recipients
 * are read by primary key, targeted, split into batches with deterministic ids and stored; then the checkpoint
 * moves. A planner that dies is resumed from the checkpoint; re-planning the chunk in flight inserts the same
 * batch ids, which the store keeps only once. Batches are sendable as soon as they are stored.
 */
@Component("notificationsFanOutPlanner")
class FanOutPlanner {

    private static final Logger log = LoggerFactory.getLogger(FanOutPlanner.class);
    private static final int EMAIL_BATCH = 50;

    private final ObjectProvider<AudienceResolver> audiences;
    private final ObjectProvider<RecipientGroup> groups;
    private final Recipients recipients;
    private final FanOuts fanOuts;
    private final Batches batches;
    private final PushProperties properties;
    private final Targeting targeting;
    private final WorkSignal signal;
    private final PlannedHere plannedHere;
    private final Clock clock;

    FanOutPlanner(ObjectProvider<AudienceResolver> audiences, ObjectProvider<RecipientGroup> groups, Recipients recipients, FanOuts fanOuts, Batches batches,
                  PushProperties properties, WorkSignal signal, PlannedHere plannedHere, ObjectProvider<Clock> clock) {
        this.audiences = audiences;
        this.groups = groups;
        this.recipients = recipients;
        this.fanOuts = fanOuts;
        this.batches = batches;
        this.properties = properties;
        this.targeting = new Targeting(properties);
        this.signal = signal;
        this.plannedHere = plannedHere;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Plans a claimed fan-out from its checkpoint to the end of its audience. */
    Mono<Void> plan(Document job, String owner) {
        PushMessage message = FanOuts.fromDocument(job);
        String fanOutId = job.getString("_id");
        long[] members = {job.get("plannedMembers", Number.class).longValue()};
        long[] chunk = {job.get("plannedChunks", Number.class).longValue()};
        log.info("Planning fan-out {} from member {}", fanOutId, members[0]);
        return membersOf(message)
            .transform(audience -> afterCheckpoint(audience, members[0]))
            .buffer(properties.planChunk())
            .concatMap(slice -> plannedHere.room().then(planChunk(message, slice, chunk[0]))
                .then(Mono.defer(() -> {
                    members[0] += slice.size();
                    chunk[0]++;
                    signal.wake();
                    return fanOuts.checkpoint(fanOutId, owner, members[0], chunk[0], leaseEnd());
                }))
                .flatMap(held -> held ? Mono.just(slice.size())
                    : Mono.error(new LostLeaseException("planning of " + fanOutId + " was taken over or cancelled"))), 1)
            .then(Mono.defer(() -> fanOuts.planned(fanOutId, owner, clock.instant())))
            .doOnSuccess(done -> log.info("Planned fan-out {}: {} audience members", fanOutId, members[0]))
            .then();
    }

    private Flux<AudienceMember> membersOf(PushMessage message) {
        if (message.group() != null) {
            int colon = message.group().indexOf(':');
            String kind = message.group().substring(0, Math.max(colon, 0));
            return groups.orderedStream().filter(group -> group.kind().equals(kind)).findFirst()
                .map(group -> group.members(message.group().substring(colon + 1)))
                .orElseGet(() -> Flux.error(new IllegalStateException("No recipient group of kind '" + kind
                    + "' for fan-out " + message.fanOutId())));
        }
        AudienceResolver resolver = audiences.getIfAvailable();
        if (resolver == null) {
            return Flux.error(new IllegalStateException("No directory: cannot resolve the audience of " + message.fanOutId()));
        }
        return resolver.resolve(message.audience());
    }

    private Mono<Void> planChunk(PushMessage message, List<AudienceMember> slice, long chunk) {
        Instant now = clock.instant();
        Map<String, AudienceMember> byPerson = slice.stream()
            .collect(Collectors.toMap(AudienceMember::personId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        return recipients.forPlanning(byPerson.keySet()).collectMap(document -> document.getString("_id"))
            .flatMap(found -> {
                Map<Targeting.Slot, List<Document>> slots = new LinkedHashMap<>();
                byPerson.values().forEach(member -> {
                    Document recipient = found.get(member.personId());
                    targeting.plan(message, member, Recipients.devicesOf(recipient), Recipients.preferencesOf(recipient),
                        now, (slot, target) -> slots.computeIfAbsent(slot, key -> new ArrayList<>()).add(target));
                });
                List<Batches.Planned> planned = toBatches(message, chunk, slots, now);
                return batches.insert(planned).doOnNext(allNew -> {
                    if (allNew) {
                        handOver(planned, now);
                    }
                }).then();
            });
    }

    /**
     * Batches due now go to this instance's workers with their targets. Only when this plan stored every one of them:
     * a chunk planned again after a crash keeps the batches stored the first time, whose targets are the truth.
     */
    private void handOver(List<Batches.Planned> planned, Instant now) {
        for (Batches.Planned batch : planned) {
            if (!batch.batch().getDate("notBefore").toInstant().isAfter(now)) {
                plannedHere.offer(new PlannedHere.Handed(batch.batch().getString("_id"), batch.targets()));
            }
        }
    }

    private List<Batches.Planned> toBatches(PushMessage message, long chunk, Map<Targeting.Slot, List<Document>> slots,
                                            Instant now) {
        List<Batches.Planned> documents = new ArrayList<>();
        int group = 0;
        for (Map.Entry<Targeting.Slot, List<Document>> slot : slots.entrySet()) {
            List<Document> targets = slot.getValue();
            int size = Targeting.EMAIL.equals(slot.getKey().channel()) ? EMAIL_BATCH : properties.messagesPerCall();
            String status = slot.getKey().notBefore().isAfter(now) ? Batches.WAITING : Batches.READY;
            for (int from = 0; from < targets.size(); from += size) {
                List<Document> part = targets.subList(from, Math.min(targets.size(), from + size));
                String batchId = message.fanOutId() + "#" + chunk + "#" + group++;
                documents.add(new Batches.Planned(new Document("_id", batchId)
                    .append("fanOutId", message.fanOutId()).append("sourceId", message.sourceId())
                    .append("channel", slot.getKey().channel()).append("status", status)
                    .append("notBefore", Date.from(slot.getKey().notBefore())).append("leaseUntil", new Date(0))
                    .append("size", part.size()).append("attempts", 0)
                    .append("accepted", 0).append("retired", 0).append("failed", 0),
                    List.copyOf(part)));
            }
        }
        return documents;
    }

    /** The audience after the members already planned (the directory streams it in the same order every time). */
    private static Flux<AudienceMember> afterCheckpoint(Flux<AudienceMember> audience, long planned) {
        return audience.index().filter(member -> member.getT1() >= planned).map(member -> member.getT2());
    }

    private Instant leaseEnd() {
        return clock.instant().plus(properties.lease());
    }

    static final class LostLeaseException extends RuntimeException {
        LostLeaseException(String message) {
            super(message);
        }
    }
}
