package app.chorus.notifications.internal;

import app.chorus.directory.AudienceMember;
import app.chorus.directory.AudienceRole;
import app.chorus.directory.DirectoryQueries;
import app.chorus.directory.RosterImportFailed;
import app.chorus.notifications.Notifications;
import app.chorus.notifications.PushMessage;
import app.chorus.notifications.RecipientGroup;
import app.chorus.notifications.Urgency;
import app.chorus.platform.DomainEventListener;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A file set the roster inbox could not import is pushed to the trust's roster administrators (the recipient group
 * {@code roster-administrators:trust}), once per arrival: the push says which set failed and where to read why.
 */
@Configuration(value = "notificationsRosterImportFailures", proxyBeanMethods = false)
class RosterImportFailures {

    static final String SOURCE = "roster-import-failed";
    static final String KIND = "roster-administrators";
    static final String TRUST = "trust";

    @Bean
    DomainEventListener<RosterImportFailed> tellRosterAdministrators(Notifications notifications) {
        return DomainEventListener.of(RosterImportFailed.class, event -> notifications.fanOut(toPush(event)).then());
    }

    @Bean
    RecipientGroup rosterAdministrators(DirectoryQueries directory) {
        return RecipientGroup.of(KIND, key -> directory.rosterAdministrators()
            .map(personId -> new AudienceMember(personId, AudienceRole.STAFF, Set.of(), Set.of(), null)));
    }

    static PushMessage toPush(RosterImportFailed event) {
        String title = "Roster import failed: " + event.fileSet();
        String body = "Nothing from " + event.fileSet() + " was imported. Read its problems under Roster imports (inbox), "
            + "fix the export and drop it in again.";
        return PushMessage.toGroup(SOURCE, event.arrivalId(), 1, null, RecipientGroup.name(KIND, TRUST), Urgency.IMPORTANT,
            Map.of("en", title), Map.of("en", body), "en");
    }
}
