package app.chorus.notifications;

import app.chorus.ChorusApplication;
import app.chorus.announcements.Priority;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceMember;
import app.chorus.directory.AudienceRole;
import app.chorus.notifications.internal.devices.Platform;
import app.chorus.notifications.standin.FcmStandIn;
import app.chorus.platform.store.EmbeddedStore;
import app.chorus.testing.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import static org.assertj.core.api.Assertions.assertThat;

@NotificationsTest
class TwoInstancesShareOneFanOutTests {

    private static final int DEVICES_PER_CARER = 6;

    @Autowired
    FanOutFixture fixture;

    @Autowired
    EmbeddedStore store;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void twoApiInstancesOnOneStoreShareTheBatchesAndSendEachMessageOnce() {
        List<String> tokens = new ArrayList<>();
        for (AudienceMember member : fixture.membersOf(Audience.trust(AudienceRole.CARERS))) {
            for (int i = 0; i < DEVICES_PER_CARER; i++) {
                tokens.add(fixture.device(member.personId(), "shared-" + i, Platform.ANDROID));
            }
        }
        FcmStandIn standIn = fixture.standIn();
        standIn.faults(new FcmStandIn.Faults(300, 0, 0, 1));
        try (ConfigurableApplicationContext second = secondInstance(standIn)) {
            String fanOutId = fixture.publish(FanOutFixture.announcement(Audience.trust(AudienceRole.CARERS), Priority.NORMAL, null));
            fixture.awaitSent(fanOutId, 0, Duration.ofSeconds(120));

            List<String> repeated = tokens.stream().filter(token -> standIn.deliveries().received(token) != 1).toList();
            assertThat(repeated).as("tokens not sent exactly once; stand-in counts %s", standIn.deliveries().counts()).isEmpty();
            assertThat(sendersOf(fanOutId)).as("instances that sent batches").hasSize(2);
        } finally {
            standIn.faults(FcmStandIn.Faults.NONE);
        }
    }

    private ConfigurableApplicationContext secondInstance(FcmStandIn standIn) {
        String store = "mongodb://" + this.store.address().getHostString() + ":" + this.store.address().getPort() + "/chorus";
        return new SpringApplicationBuilder(ChorusApplication.class)
            .run("--spring.mongodb.uri=" + store, "--server.port=0",
                "--chorus.identity.issuer-uri=" + Tokens.keycloakUrl() + "/realms/chorus",
                "--chorus.push.stand-in-url=" + standIn.url(), "--chorus.push.lease=20s", "--chorus.push.poll-interval=50ms",
                "--chorus.push.messages-per-call=100");
    }

    private Set<String> sendersOf(String fanOutId) {
        Set<String> senders = new HashSet<>();
        mongo.getCollection("notification_batches")
            .flatMapMany(c -> c.find(new Document("fanOutId", fanOutId).append("channel", "push")))
            .doOnNext(batch -> senders.addAll(batch.getList("sentBy", String.class, List.of())))
            .blockLast();
        return senders;
    }
}
