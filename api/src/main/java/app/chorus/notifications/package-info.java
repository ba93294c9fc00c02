/**
 * Notifications: devices, preferences, quiet hours, crash-safe fan-out through Firebase Cloud Messaging,
 * email fallback, delivery receipts. Public surface: {@link app.chorus.notifications.Notifications} (fan out a
 * {@link app.chorus.notifications.PushMessage}, record that a person opened it). Listens to
 * {@code AnnouncementPublished}/{@code AnnouncementRetracted}, and {@code RosterImportFailed} (pushed to the roster
 * administrators). Everything else is internal; the FCM
 * stand-in for local runs and tests is in the {@code devtools} module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package app.chorus.notifications;
