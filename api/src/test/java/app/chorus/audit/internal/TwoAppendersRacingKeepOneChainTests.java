package app.chorus.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** Two api instances (two appenders on one store) recording at once still leave one unbroken chain per school. */
@ApiTest
class TwoAppendersRacingKeepOneChainTests {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void everyActIsRecordedOnceInOneUnbrokenChain() {
        String school = "race-" + UUID.randomUUID();
        AuditChain first = new AuditChain(mongo, new Actors(mongo));
        AuditChain second = new AuditChain(mongo, new Actors(mongo));

        Flux.merge(appends(first, school, 0), appends(second, school, 1000)).then().block(Duration.ofSeconds(60));

        List<AuditEntry> links = links(school);
        assertThat(links).hasSize(60);
        assertThat(links).extracting(AuditEntry::seq).containsExactlyElementsOf(IntStream.rangeClosed(1, 60)
            .mapToObj(Long::valueOf).toList());
        assertThat(report(school).intact()).isTrue();
        assertThat(mongo.findById(ChainHead.chainOf(school), ChainHead.class).block().seq()).isEqualTo(60);
    }

    @Test
    void aRedeliveredEventIsRecordedOnce() {
        String school = "again-" + UUID.randomUUID();
        AuditChain chain = new AuditChain(mongo, new Actors(mongo));
        Act act = new Act("opened:" + school, "survey-opened", school, "car-000001", "survey:1", null, null);

        Flux.merge(chain.append(act), chain.append(act), chain.append(act)).then().block(Duration.ofSeconds(30));

        assertThat(links(school)).hasSize(1);
    }

    @Test
    void aLinkLeftByAnAppenderThatStoppedBeforeMovingTheHeadIsKept() {
        String school = "crash-" + UUID.randomUUID();
        AuditChain chain = new AuditChain(mongo, new Actors(mongo));
        chain.append(act(school, 1)).block(Duration.ofSeconds(10));
        ChainHead head = mongo.findById(ChainHead.chainOf(school), ChainHead.class).block();
        mongo.insert(AuditEntry.after(head, act(school, 2), Actors.SYSTEM)).block(Duration.ofSeconds(10));

        chain.append(act(school, 3)).block(Duration.ofSeconds(10));

        assertThat(links(school)).extracting(AuditEntry::key).containsExactly(key(school, 1), key(school, 2), key(school, 3));
        assertThat(report(school).intact()).isTrue();
    }

    private static Flux<AuditEntry> appends(AuditChain chain, String school, int from) {
        return Flux.range(from, 30).flatMap(n -> chain.append(act(school, n)).subscribeOn(Schedulers.parallel()), 4);
    }

    private static Act act(String school, int n) {
        return new Act(key(school, n), "announcement-published", school, null, "announcement:" + n, null, null);
    }

    private static String key(String school, int n) {
        return school + ":" + n;
    }

    private List<AuditEntry> links(String school) {
        return mongo.find(Query.query(Criteria.where("chain").is(ChainHead.chainOf(school))).with(Sort.by("seq")),
            AuditEntry.class).collectList().block(Duration.ofSeconds(10));
    }

    private ChainReport report(String school) {
        ChainHead head = mongo.findById(ChainHead.chainOf(school), ChainHead.class).block();
        return ChainVerifier.verify(head, Flux.fromIterable(links(school))).block();
    }
}
