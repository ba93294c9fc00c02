package app.chorus.gateway.devices;

import app.chorus.gateway.api.ApiClient;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** How the carer wants to be reached; relayed to the api, which validates and keeps them. */
@Tag(name = "Devices and preferences")
@RestController
class PreferencesController {

    private final ApiClient api;

    PreferencesController(ApiClient api) {
        this.api = api;
    }

    @Schema(description = "Notification preferences, replaced as a whole")
    record Preferences(@Schema(description = "Any of push, email, sms") List<String> channels,
                       @Schema(description = "Start of quiet hours, HH:mm Europe/London", example = "21:00") String quietFrom,
                       @Schema(description = "End of quiet hours, HH:mm Europe/London", example = "07:00") String quietUntil,
                       @Schema(description = "Schools whose non-urgent messages stay silent") List<String> mutedSchools,
                       @Schema(description = "Preferred language tag", example = "pl") String language,
                       Boolean dailyDigest) {
    }

    @Operation(summary = "The carer's notification preferences")
    @GetMapping("/mobile/v1/preferences")
    Mono<Preferences> mine() {
        return api.get(uri -> uri.path("/api/v1/preferences").build(), Preferences.class);
    }

    @Operation(summary = "Replace the carer's notification preferences (retries are harmless)")
    @PutMapping("/mobile/v1/preferences")
    Mono<Preferences> save(@RequestBody Preferences preferences) {
        return api.send(HttpMethod.PUT, uri -> uri.path("/api/v1/preferences").build(), preferences, null, Preferences.class);
    }
}
