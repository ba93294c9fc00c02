package app.chorus.notifications;

import app.chorus.testing.ApiTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The api with the FCM stand-in in-process, an in-process SMTP server, a clock tests can move, quick retries
 * and leases. All notification tests share this one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApiTest
@Import({TestMail.class, TestClock.class, FanOutFixture.class, BatchClaims.class})
@TestPropertySource(properties = {
    "chorus.push.stand-in-url=embedded",
    "chorus.push.retry-backoff=50ms",
    "chorus.push.lease=20s",
    "chorus.push.poll-interval=100ms",
    "chorus.push.read-timeout=30s",
    "chorus.push.email-fallback-after=2s",
    // small batches: a trust of 3 schools still makes more batches than one instance's workers claim at once
    "chorus.push.messages-per-call=100"
})
public @interface NotificationsTest {
}
