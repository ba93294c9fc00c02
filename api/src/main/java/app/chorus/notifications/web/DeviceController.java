package app.chorus.notifications.web;

import app.chorus.identity.CurrentUser;
import app.chorus.notifications.internal.devices.Device;
import app.chorus.notifications.internal.devices.DeviceManagement;
import app.chorus.notifications.internal.devices.DeviceRegistration;
import app.chorus.shared.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The signed-in person's devices. {@code PUT /api/v1/devices/{installationId}} registers or refreshes (it is
 * idempotent by the installation id, so an Idempotency-Key adds nothing); {@code DELETE} removes on sign-out.
 */
@RestController
@RequestMapping("/api/v1/devices")
class DeviceController {

    private final DeviceManagement devices;

    DeviceController(DeviceManagement devices) {
        this.devices = devices;
    }

    @GetMapping
    Mono<Page<Device>> mine(@AuthenticationPrincipal CurrentUser user) {
        return devices.devicesOf(user).map(list -> Page.of(list, null));
    }

    @PutMapping("/{installationId}")
    Mono<Device> register(@AuthenticationPrincipal CurrentUser user, @PathVariable String installationId,
                          @RequestBody DeviceRegistration registration) {
        return devices.register(user, installationId, registration);
    }

    @DeleteMapping("/{installationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> remove(@AuthenticationPrincipal CurrentUser user, @PathVariable String installationId) {
        return devices.remove(user, installationId);
    }
}
