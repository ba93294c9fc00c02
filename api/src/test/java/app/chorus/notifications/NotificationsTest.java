package app.chorus.notifications;

import app.chorus.testing.ApiTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The api with the FCM stand-in in-process, an in-process SMTP server, quick retries and leases. All
 * notification tests share this one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApiTest
@Import({TestMail.class, FanOutFixture.class})
@TestPropertySource(properties = {
    "chorus.push.stand-in-url=embedded",
    "chorus.push.retry-backoff=50ms",
    "chorus.push.lease=20s",
    "chorus.push.poll-interval=100ms",
    "chorus.push.email-fallback-after=2s"
})
public @interface NotificationsTest {
}
