package app.chorus.notifications.internal.devices;

/** What an app sends to register or refresh its FCM registration token. */
public record DeviceRegistration(String token, String platform, String appVersion, String locale) {
}
