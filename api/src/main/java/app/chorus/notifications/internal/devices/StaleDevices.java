package app.chorus.notifications.internal.devices;

import app.chorus.retention.ExpiringData;
import app.chorus.retention.RetainedData;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Devices not seen within the retention period are removed, one person's document at a time, and their tokens freed. */
@Component
class StaleDevices implements ExpiringData {

    private final ReactiveMongoTemplate mongo;
    private final Recipients recipients;

    StaleDevices(ReactiveMongoTemplate mongo, Recipients recipients) {
        this.mongo = mongo;
        this.recipients = recipients;
    }

    @Override
    public RetainedData kind() {
        return RetainedData.DEVICES;
    }

    @Override
    public Flux<Long> purge(Instant expiredBefore, String runId) {
        Query stale = Query.query(Criteria.where("devices.lastSeen").lt(Date.from(expiredBefore)));
        return mongo.find(stale, Document.class, Recipients.RECIPIENTS)
            .concatMap(recipient -> Flux.fromIterable(Recipients.devicesOf(recipient))
                .filter(device -> device.lastSeen() != null && device.lastSeen().isBefore(expiredBefore))
                .concatMap(device -> remove(recipient.getString("_id"), device))
                .reduce(0L, Long::sum));
    }

    private Mono<Long> remove(String personId, Device device) {
        return recipients.removeDevice(personId, device.installationId())
            .flatMap(removed -> recipients.releaseToken(device.token(), personId).thenReturn(removed ? 1L : 0L));
    }
}
