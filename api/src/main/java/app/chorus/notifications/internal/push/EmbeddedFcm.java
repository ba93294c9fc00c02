package app.chorus.notifications.internal.push;

/**
 * An FCM stand-in running in this JVM ({@code chorus.push.stand-in-url=embedded}). The production jar has none: the
 * {@code devtools} module provides one for local runs and tests.
 */
@FunctionalInterface
interface EmbeddedFcm {

    String url();
}
