package app.chorus.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The first burst of requests after a start, or after the realm rotated its keys, carries tokens whose key the api has
 * not fetched yet: the fetches made while one is on its way are that one, and the next unknown key fetches again.
 */
class TokensArrivingTogetherShareOneKeyFetchTests {

    private static final String CERTS = "http://keycloak.test/realms/chorus/protocol/openid-connect/certs";
    private static final String KEYS = "{\"keys\":[]}";

    /** Keycloak's key endpoint as the test answers it: each fetch waits until the test answers or fails it. */
    private final List<Sinks.One<ClientResponse>> fetches = new CopyOnWriteArrayList<>();
    private final ExchangeFunction keycloak = request -> Mono.defer(() -> {
        Sinks.One<ClientResponse> answer = Sinks.one();
        fetches.add(answer);
        return answer.asMono();
    });
    private final WebClient keys = WebClient.builder().exchangeFunction(keycloak).filter(new OneKeyFetchAtATime()).build();

    @Test
    void twentyFourTokensArrivingDuringOneFetchAskKeycloakOnceAndAllGetTheKeys() {
        List<String> received = new CopyOnWriteArrayList<>();
        for (int token = 0; token < 24; token++) {
            fetchKeys().subscribe(received::add);
        }
        assertThat(fetches).hasSize(1);

        answer(0);
        assertThat(received).hasSize(24).containsOnly(KEYS);

        fetchKeys().subscribe(received::add);
        assertThat(fetches).as("a key unknown after the fetch ended is fetched again").hasSize(2);
    }

    @Test
    void aFailedFetchFailsEveryoneWaitingForItAndTheNextTokenTriesAgain() {
        List<Throwable> failed = new CopyOnWriteArrayList<>();
        for (int token = 0; token < 3; token++) {
            fetchKeys().subscribe(keys -> { }, failed::add);
        }
        fetches.get(0).tryEmitError(new IllegalStateException("connection refused"));
        assertThat(failed).hasSize(3);

        List<String> received = new CopyOnWriteArrayList<>();
        fetchKeys().subscribe(received::add);
        assertThat(fetches).hasSize(2);
        answer(1);
        assertThat(received).containsExactly(KEYS);
    }

    @Test
    void aRequestThatGivesUpLeavesTheFetchToTheOthersWaiting() {
        List<String> received = new CopyOnWriteArrayList<>();
        Disposable gaveUp = fetchKeys().subscribe();
        fetchKeys().subscribe(received::add);
        gaveUp.dispose();

        answer(0);
        assertThat(fetches).hasSize(1);
        assertThat(received).containsExactly(KEYS);
    }

    private Mono<String> fetchKeys() {
        return keys.get().uri(CERTS).retrieve().bodyToMono(String.class);
    }

    private void answer(int fetch) {
        fetches.get(fetch).tryEmitValue(ClientResponse.create(HttpStatus.OK)
            .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE).body(KEYS).build());
    }
}
