package app.chorus.directory.internal.inbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The folder a trust's rostering service drops OneRoster file sets into ({@code chorus.roster.inbox.*}).
 *
 * @param folder       where file sets arrive (a folder holding manifest.csv, or a .zip); none: no scheduled imports
 * @param pollInterval how often the folder is looked at
 * @param settle       a file set untouched for this long is complete (a service may still be writing a newer one)
 * @param lease        how long one api instance may hold a file set's import before another takes it over
 * @param notifyPeople sourcedIds of people told when a file set fails, besides the trust administrators who read the inbox
 */
@ConfigurationProperties("chorus.roster.inbox")
public record RosterInboxProperties(Path folder, Duration pollInterval, Duration settle, Duration lease, List<String> notifyPeople) {

    public RosterInboxProperties {
        pollInterval = pollInterval == null ? Duration.ofMinutes(1) : pollInterval;
        settle = settle == null ? Duration.ofSeconds(30) : settle;
        lease = lease == null ? Duration.ofMinutes(30) : lease;
        notifyPeople = notifyPeople == null ? List.of() : List.copyOf(notifyPeople);
    }
}
