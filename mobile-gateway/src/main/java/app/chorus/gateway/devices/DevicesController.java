package app.chorus.gateway.devices;

import app.chorus.gateway.api.ApiClient;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The carer's app installations that receive pushes; relayed to the api's notifications module. */
@Tag(name = "Devices and preferences", description = "Push registration and how the carer wants to be reached")
@RestController
class DevicesController {

    private final ApiClient api;

    DevicesController(ApiClient api) {
        this.api = api;
    }

    @Schema(description = "What the app sends to register or refresh its push token")
    record DeviceRegistration(@Schema(description = "Firebase Cloud Messaging registration token") String token,
                              @Schema(allowableValues = {"ios", "android"}) String platform,
                              String appVersion,
                              @Schema(description = "Language tag, e.g. en-GB") String locale) {
    }

    @Schema(description = "A registered installation (the push token is not echoed)")
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Device(String installationId, String platform, String appVersion, String locale, Instant lastSeen) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Devices(List<Device> items) {
    }

    @Operation(summary = "The carer's registered devices")
    @GetMapping("/mobile/v1/devices")
    Mono<Devices> mine() {
        return api.get(uri -> uri.path("/api/v1/devices").build(), Devices.class);
    }

    @Operation(summary = "Register or refresh this installation's push token (idempotent by installation id)")
    @PutMapping("/mobile/v1/devices/{installationId}")
    Mono<Device> register(@PathVariable String installationId, @RequestBody DeviceRegistration registration) {
        return api.send(HttpMethod.PUT, uri -> uri.path("/api/v1/devices/{id}").build(installationId), registration, null,
            Device.class);
    }

    @Operation(summary = "Forget this installation (on sign-out); unknown installations answer 404")
    @DeleteMapping("/mobile/v1/devices/{installationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> remove(@PathVariable String installationId) {
        return api.send(HttpMethod.DELETE, uri -> uri.path("/api/v1/devices/{id}").build(installationId), null, null,
            Void.class).then();
    }
}
