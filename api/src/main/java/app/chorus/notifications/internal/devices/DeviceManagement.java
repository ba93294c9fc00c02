package app.chorus.notifications.internal.devices;

import app.chorus.identity.CurrentUser;
import app.chorus.shared.Problem;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Device rules: one owner per FCM token, retired tokens never come back, one entry per installation, at most
 * {@value #MAX_DEVICES} per person (registering another retires the longest unseen: each device receives every push).
 * Registering the same installation again refreshes it (new token, app version, last seen).
 */
@Service("notificationsDeviceManagement")
public class DeviceManagement {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_:\\-]{20,4096}");
    private static final Pattern INSTALLATION = Pattern.compile("[A-Za-z0-9._\\-]{1,100}");
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z.+\\-]{1,40}");
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*");

    static final int MAX_DEVICES = 10;

    private final Recipients recipients;

    DeviceManagement(Recipients recipients) {
        this.recipients = recipients;
    }

    public Mono<Device> register(CurrentUser user, String installationId, DeviceRegistration registration) {
        String personId = personOf(user);
        Device device = validate(installationId, registration);
        return recipients.tokenClaim(device.token())
            .flatMap(claim -> checkClaim(claim, personId))
            .switchIfEmpty(Mono.defer(() -> recipients.claimToken(device.token(), personId, installationId)
                .flatMap(claimed -> claimed ? Mono.just(true)
                    : recipients.tokenClaim(device.token()).flatMap(claim -> checkClaim(claim, personId)))))
            .then(releasePreviousToken(personId, device))
            .then(recipients.saveDevice(personId, device))
            .then(retireBeyondCap(personId))
            .thenReturn(device);
    }

    private Mono<Void> retireBeyondCap(String personId) {
        return recipients.find(personId).flatMapIterable(Recipients::devicesOf).collectList().flatMapMany(devices -> {
            List<Device> oldestFirst = devices.stream()
                .sorted(Comparator.comparing(Device::lastSeen, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
            return Flux.fromIterable(oldestFirst.subList(0, Math.max(0, oldestFirst.size() - MAX_DEVICES)));
        }).concatMap(old -> recipients.removeDevice(personId, old.installationId())
            .then(recipients.releaseToken(old.token(), personId))).then();
    }

    public Mono<List<Device>> devicesOf(CurrentUser user) {
        return recipients.find(personOf(user)).map(Recipients::devicesOf).defaultIfEmpty(List.of());
    }

    public Mono<Void> remove(CurrentUser user, String installationId) {
        String personId = personOf(user);
        return devicesOf(user).flatMap(devices -> {
            Device device = devices.stream().filter(d -> d.installationId().equals(installationId)).findFirst()
                .orElseThrow(() -> Problem.notFound("Device " + installationId));
            return recipients.removeDevice(personId, installationId)
                .then(recipients.releaseToken(device.token(), personId));
        });
    }

    private Mono<Boolean> checkClaim(org.bson.Document claim, String personId) {
        if (claim.getBoolean("retired", false)) {
            return Mono.error(Problem.conflict("token-retired", "FCM reported this registration token as "
                + claim.getString("retiredReason") + "; it is never used again. Ask Firebase for a new token and register that."));
        }
        if (!personId.equals(claim.getString("personId"))) {
            return Mono.error(Problem.conflict("token-registered-to-someone-else", "This registration token belongs to "
                + "another person's sign-in on this device. Sign them out of the app (which removes their device) first."));
        }
        return Mono.just(true);
    }

    private Mono<Void> releasePreviousToken(String personId, Device device) {
        return recipients.find(personId).flatMapIterable(Recipients::devicesOf)
            .filter(old -> old.installationId().equals(device.installationId()) && !old.token().equals(device.token()))
            .flatMap(old -> recipients.releaseToken(old.token(), personId))
            .then();
    }

    static String personOf(CurrentUser user) {
        if (!user.isLinkedToPerson()) {
            throw Problem.forbidden("not-a-directory-person", "Your sign-in is not linked to a person of the trust's "
                + "directory, so there is nobody to notify. Ask the trust's admin to link your account.");
        }
        return user.personId();
    }

    private static Device validate(String installationId, DeviceRegistration registration) {
        if (installationId == null || !INSTALLATION.matcher(installationId).matches()) {
            throw Problem.badRequest("malformed-installation-id", "The installation id must be 1-100 letters, digits, '.', '_' or '-'.")
                .with("field", "installationId");
        }
        if (registration == null || registration.token() == null || !TOKEN.matcher(registration.token()).matches()) {
            throw Problem.badRequest("malformed-token", "The FCM registration token is malformed: send the token the "
                + "Firebase SDK gave the app (20-4096 characters of letters, digits, ':', '_' and '-').").with("field", "token");
        }
        Platform platform = Platform.parse(registration.platform());
        if (registration.appVersion() != null && !VERSION.matcher(registration.appVersion()).matches()) {
            throw Problem.badRequest("malformed-app-version", "The app version must look like 2.3.1 (at most 40 characters).")
                .with("field", "appVersion");
        }
        if (registration.locale() != null && !LOCALE.matcher(registration.locale()).matches()) {
            throw Problem.badRequest("malformed-locale", "The locale must be a language tag such as en-GB or pl.")
                .with("field", "locale");
        }
        return new Device(installationId, registration.token(), platform, registration.appVersion(),
            registration.locale(), Instant.now());
    }
}
