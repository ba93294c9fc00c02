package app.chorus.accounts.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The few calls of Keycloak's Admin REST API the provisioner makes, as the service account of the confidential client
 * (client-credentials token, reused until shortly before it expires).
 */
class KeycloakAdmin {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final WebClient web;
    private final ProvisioningProperties properties;
    private final AtomicReference<Mono<String>> token = new AtomicReference<>();
    private final Map<String, Mono<Map<String, Object>>> roles = new ConcurrentHashMap<>();

    KeycloakAdmin(WebClient.Builder builder, ProvisioningProperties properties) {
        this.properties = properties;
        this.web = builder.baseUrl(properties.keycloakUrl()).filter(this::renewingARefusedToken).build();
        this.token.set(freshToken());
    }

    private Mono<String> freshToken() {
        return fetchToken().cache(t -> Duration.ofSeconds(Math.max(1, ((Number) t.get("expires_in")).longValue() - 30)),
                e -> Duration.ZERO, () -> Duration.ZERO)
            .map(t -> (String) t.get("access_token"));
    }

    private Mono<String> token() {
        return token.get();
    }

    /**
     * A token Keycloak no longer honours before its expiry (the realm re-created, its keys rotated, the session revoked)
     * answers 401: fetch a new one and send the call again, once, instead of failing every call until it expires.
     */
    private Mono<ClientResponse> renewingARefusedToken(ClientRequest request, ExchangeFunction next) {
        return next.exchange(request).flatMap(response -> {
            if (response.statusCode().value() != HttpStatus.UNAUTHORIZED.value() || !request.url().getPath().startsWith("/admin/")) {
                return Mono.just(response);
            }
            Mono<String> renewed = freshToken();
            token.set(renewed);
            roles.clear();
            return response.releaseBody().then(renewed)
                .flatMap(t -> next.exchange(ClientRequest.from(request).headers(h -> h.setBearerAuth(t)).build()));
        });
    }

    private Mono<Map<String, Object>> fetchToken() {
        return web.post().uri("/realms/{realm}/protocol/openid-connect/token", properties.realm())
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData("grant_type", "client_credentials")
                .with("client_id", properties.clientId()).with("client_secret", properties.clientSecret()))
            .retrieve().bodyToMono(MAP).timeout(TIMEOUT);
    }

    private String admin(String path) {
        return "/admin/realms/" + properties.realm() + path;
    }

    /** Whether the realm can send email (its SMTP server has a host). */
    Mono<Boolean> canSendEmail() {
        return token().flatMap(t -> web.get().uri(admin("")).headers(h -> h.setBearerAuth(t)).retrieve().bodyToMono(MAP))
            .map(realm -> realm.get("smtpServer") instanceof Map<?, ?> smtp && smtp.get("host") instanceof String host && !host.isBlank())
            .timeout(TIMEOUT);
    }

    /** The user linked to this sourcedId, if any. */
    Mono<KeycloakUser> findBySourcedId(String sourcedId) {
        return search("q", KeycloakUser.SOURCED_ID + ":" + sourcedId)
            .filter(user -> sourcedId.equals(user.sourcedId())).next();
    }

    /** The user with exactly this username, if any. */
    Mono<KeycloakUser> findByUsername(String username) {
        return search("username", username).filter(user -> username.equalsIgnoreCase((String) user.representation().get("username"))).next();
    }

    private Flux<KeycloakUser> search(String parameter, String value) {
        return token().flatMapMany(t -> web.get()
                .uri(uri -> uri.path(admin("/users")).queryParam(parameter, "{value}").queryParam("exact", "true")
                    .queryParam("briefRepresentation", "false").build(value))
                .headers(h -> h.setBearerAuth(t)).retrieve().bodyToMono(LIST))
            .timeout(TIMEOUT).flatMapIterable(list -> list).map(KeycloakUser::new);
    }

    /** A page of the realm's users, whole. */
    Mono<List<KeycloakUser>> page(int first, int max) {
        return token().flatMap(t -> web.get()
                .uri(uri -> uri.path(admin("/users")).queryParam("first", first).queryParam("max", max)
                    .queryParam("briefRepresentation", "false").build())
                .headers(h -> h.setBearerAuth(t)).retrieve().bodyToMono(LIST))
            .timeout(TIMEOUT).map(list -> list.stream().map(KeycloakUser::new).toList());
    }

    /** Creates a user and answers its id. */
    Mono<String> create(Map<String, Object> representation) {
        return token().flatMap(t -> web.post().uri(admin("/users")).headers(h -> h.setBearerAuth(t)).bodyValue(representation)
                .retrieve().toBodilessEntity())
            .timeout(TIMEOUT)
            .map(response -> {
                String path = response.getHeaders().getLocation().getPath();
                return path.substring(path.lastIndexOf('/') + 1);
            });
    }

    Mono<Void> update(KeycloakUser user) {
        return token().flatMap(t -> web.put().uri(admin("/users/{id}"), user.id()).headers(h -> h.setBearerAuth(t))
            .bodyValue(user.representation()).retrieve().toBodilessEntity()).timeout(TIMEOUT).then();
    }

    /** Deletes the user; one already gone counts as deleted. */
    Mono<Void> delete(String userId) {
        return token().flatMap(t -> web.delete().uri(admin("/users/{id}"), userId).headers(h -> h.setBearerAuth(t))
                .retrieve().toBodilessEntity())
            .timeout(TIMEOUT)
            .onErrorResume(WebClientResponseException.NotFound.class, gone -> Mono.empty())
            .then();
    }

    /** The names of the realm roles granted to the user directly. */
    Mono<List<String>> realmRoles(String userId) {
        return token().flatMap(t -> web.get().uri(admin("/users/{id}/role-mappings/realm"), userId).headers(h -> h.setBearerAuth(t))
            .retrieve().bodyToMono(LIST)).timeout(TIMEOUT)
            .map(list -> list.stream().map(role -> (String) role.get("name")).toList());
    }

    Mono<Void> grantRealmRole(String userId, String roleName) {
        return role(roleName).flatMap(role -> token().flatMap(t -> web.post().uri(admin("/users/{id}/role-mappings/realm"), userId)
            .headers(h -> h.setBearerAuth(t)).bodyValue(List.of(role)).retrieve().toBodilessEntity())).timeout(TIMEOUT).then();
    }

    private Mono<Map<String, Object>> role(String name) {
        return roles.computeIfAbsent(name, n -> token().flatMap(t -> web.get().uri(admin("/roles/{name}"), n)
            .headers(h -> h.setBearerAuth(t)).retrieve().bodyToMono(MAP)).timeout(TIMEOUT).cache(r -> Duration.ofHours(1),
            e -> Duration.ZERO, () -> Duration.ZERO));
    }

    /** Emails the user a link to set their password. */
    Mono<Void> inviteToSetPassword(String userId) {
        return token().flatMap(t -> web.put().uri(admin("/users/{id}/execute-actions-email"), userId).headers(h -> h.setBearerAuth(t))
            .bodyValue(List.of("UPDATE_PASSWORD")).retrieve().toBodilessEntity()).timeout(TIMEOUT).then();
    }

    /** Whether Keycloak refused the call as a conflict (username or email taken) or invalid data (e.g. an email it rejects). */
    static boolean refused(Throwable error) {
        return error instanceof WebClientResponseException response
            && (response.getStatusCode().isSameCodeAs(HttpStatus.CONFLICT) || response.getStatusCode().isSameCodeAs(HttpStatus.BAD_REQUEST));
    }

    static String reason(Throwable error) {
        return error instanceof WebClientResponseException response
            ? response.getStatusCode().value() + " " + response.getResponseBodyAsString() : error.toString();
    }
}
