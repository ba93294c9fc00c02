package app.chorus.notifications;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceMember;
import app.chorus.directory.AudienceReach;
import app.chorus.directory.AudienceResolver;
import app.chorus.directory.AudienceRole;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A generated trust at scale for the fan-out benchmark and kill test (seeding 120,000 carers into the directory
 * would take longer than the fan-out itself); it replaces the directory's audience resolver there only: {@code chorus.test.carers} carers car-000001..., spread over {@code chorus.test.schools} schools
 * (school-1...), languages cycling en, pl, ro (car-000001 has children at school-1 and school-2).
 */
@TestConfiguration(proxyBeanMethods = false)
public class SyntheticTrust {

    public static final String[] LANGUAGES = {"en", "pl", "ro"};

    /** {@code car-%06d}, without String.format: the fan-out benchmark resolves its whole audience twice per run. */
    public static String carer(int i) {
        String digits = Integer.toString(i);
        return "car-" + "000000".substring(Math.min(6, digits.length())) + digits;
    }

    public static AudienceMember member(int i, int schools) {
        Set<String> schoolIds = i == 1 ? Set.of("school-1", "school-2") : Set.of("school-" + (1 + (i - 1) % schools));
        return new AudienceMember(carer(i), AudienceRole.CARERS, schoolIds, Set.of(), LANGUAGES[(i - 1) % LANGUAGES.length]);
    }

    @Bean
    @Primary
    AudienceResolver syntheticAudiences(org.springframework.core.env.Environment env) {
        int carers = env.getProperty("chorus.test.carers", Integer.class, 400);
        int schools = env.getProperty("chorus.test.schools", Integer.class, 3);
        return new AudienceResolver() {
            @Override
            public Mono<Audience> validate(Audience audience) {
                return Mono.just(audience);
            }

            @Override
            public Flux<AudienceMember> resolve(Audience audience) {
                if (!audience.roles().contains(AudienceRole.CARERS)) {
                    return Flux.empty();
                }
                return Flux.range(1, carers).map(i -> member(i, schools))
                    .filter(member -> audience.scope() == Audience.Scope.TRUST
                        || member.schoolIds().stream().anyMatch(audience.ids()::contains));
            }

            @Override
            public Mono<AudienceReach> reach(Audience audience) {
                return resolve(audience).count().map(count -> new AudienceReach(count, Map.of()));
            }

            @Override
            public Mono<Set<String>> keysOf(String personId) {
                return Mono.just(Set.of(Audience.trustKey(AudienceRole.CARERS)));
            }
        };
    }
}
