package app.chorus.announcements.internal;

/**
 * One language version of an announcement.
 *
 * @param title   plain text
 * @param body    the author's Markdown (subset)
 * @param html    the body rendered to sanitised HTML
 * @param summary plain text, for push and email
 */
public record Content(String title, String body, String html, String summary) {
}
