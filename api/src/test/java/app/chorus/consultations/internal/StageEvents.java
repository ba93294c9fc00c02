package app.chorus.consultations.internal;

import app.chorus.consultations.ConsultationOpened;
import app.chorus.consultations.ConsultationPhaseChanged;
import app.chorus.platform.DomainEventListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Mono;

/** Records every stage event published in the context, as "consultationId:stage". */
@TestConfiguration(proxyBeanMethods = false)
public class StageEvents {

    private final List<String> seen = new CopyOnWriteArrayList<>();

    public List<String> of(String consultationId) {
        return seen.stream().filter(event -> event.startsWith(consultationId + ":")).toList();
    }

    @Bean
    DomainEventListener<ConsultationOpened> recordOpenings() {
        return new DomainEventListener<>() {
            @Override
            public Class<ConsultationOpened> eventType() {
                return ConsultationOpened.class;
            }

            @Override
            public Mono<Void> on(ConsultationOpened event) {
                return Mono.fromRunnable(() -> seen.add(event.consultationId() + ":opened:" + event.phase()));
            }
        };
    }

    @Bean
    DomainEventListener<ConsultationPhaseChanged> recordPhaseChanges() {
        return new DomainEventListener<>() {
            @Override
            public Class<ConsultationPhaseChanged> eventType() {
                return ConsultationPhaseChanged.class;
            }

            @Override
            public Mono<Void> on(ConsultationPhaseChanged event) {
                return Mono.fromRunnable(() -> seen.add(event.consultationId() + ":" + event.from() + "->" + event.to()));
            }
        };
    }
}
