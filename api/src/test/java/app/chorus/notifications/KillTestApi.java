package app.chorus.notifications;

import app.chorus.ChorusApplication;
import app.chorus.announcements.AnnouncementPublished;
import app.chorus.announcements.Priority;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceRole;
import app.chorus.platform.DomainEvents;
import java.time.Instant;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The api as a child JVM for {@link FanOutSurvivesKillTests}: on start it publishes the announcement named by
 * {@code --kill-test.announcement}, as the announcements module re-publishes an unconfirmed event after a crash.
 */
public final class KillTestApi {

    public static void main(String[] args) {
        ConfigurableApplicationContext api = new SpringApplicationBuilder(ChorusApplication.class, SyntheticTrust.class).run(args);
        String announcement = api.getEnvironment().getRequiredProperty("kill-test.announcement");
        api.getBean(DomainEvents.class).publish(new AnnouncementPublished(announcement, 1, null,
            Audience.trust(AudienceRole.CARERS), Priority.URGENT, false, Map.of("en", "Flood: school closed", "pl", "Powódź: szkoła zamknięta"),
            Map.of("en", "Stay at home today.", "pl", "Zostańcie dziś w domu."), "en", Instant.now())).block();
        System.out.println("KILL-TEST-API published " + announcement);
    }
}
