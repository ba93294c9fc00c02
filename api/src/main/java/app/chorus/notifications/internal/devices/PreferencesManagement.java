package app.chorus.notifications.internal.devices;

import app.chorus.directory.AccessPolicy;
import app.chorus.identity.CurrentUser;
import app.chorus.shared.Problem;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Preference rules: known channels only, quiet hours that are real times and not empty or whole-day, and only
 * schools of one's own to mute.
 */
@Service("notificationsPreferencesManagement")
public class PreferencesManagement {

    /** The body of {@code PUT /api/v1/preferences}; quiet hours as "HH:mm" in Europe/London. */
    public record PreferencesInput(List<String> channels, String quietFrom, String quietUntil, List<String> mutedSchools,
                                   String language, Boolean dailyDigest) {
    }

    private final Recipients recipients;
    private final AccessPolicy access;

    PreferencesManagement(Recipients recipients, AccessPolicy access) {
        this.recipients = recipients;
        this.access = access;
    }

    public Mono<Preferences> of(CurrentUser user) {
        return recipients.find(DeviceManagement.personOf(user)).map(Recipients::preferencesOf)
            .defaultIfEmpty(Preferences.DEFAULTS);
    }

    public Mono<Preferences> save(CurrentUser user, PreferencesInput input) {
        String personId = DeviceManagement.personOf(user);
        Preferences preferences = validate(input);
        return access.accessOf(user).flatMap(reach -> {
            List<String> strangers = preferences.mutedSchools().stream().filter(school -> !reach.schools().contains(school))
                .sorted().toList();
            if (!strangers.isEmpty()) {
                return Mono.error(Problem.badRequest("unknown-school", "You can only mute schools of your own; "
                    + String.join(", ", strangers) + " is not one of them. GET /api/v1/me lists yours.").with("field", "mutedSchools"));
            }
            return recipients.savePreferences(personId, preferences).thenReturn(preferences);
        });
    }

    private static Preferences validate(PreferencesInput input) {
        if (input == null) {
            throw Problem.badRequest("malformed-preferences", "Send the preferences as JSON.");
        }
        Set<String> channels = new HashSet<>(input.channels() == null ? List.of("push", "email") : input.channels());
        if (channels.isEmpty() || !Preferences.CHANNELS.containsAll(channels)) {
            throw Problem.badRequest("unknown-channel", "Channels must be one or more of push, email, sms.")
                .with("field", "channels");
        }
        LocalTime from = time(input.quietFrom(), "quietFrom");
        LocalTime until = time(input.quietUntil(), "quietUntil");
        if ((from == null) != (until == null)) {
            throw Problem.badRequest("impossible-quiet-hours", "Give both quietFrom and quietUntil, or neither.")
                .with("field", from == null ? "quietFrom" : "quietUntil");
        }
        if (from != null && from.equals(until)) {
            throw Problem.badRequest("impossible-quiet-hours", "Quiet hours from " + from + " until " + until
                + " are empty or the whole day: choose two different times (e.g. 21:00 to 07:00).").with("field", "quietUntil");
        }
        String language = input.language();
        if (language != null && !language.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            throw Problem.badRequest("malformed-language", "The language must be a tag such as en, pl or pt-BR.")
                .with("field", "language");
        }
        return new Preferences(channels, from, until,
            Set.copyOf(input.mutedSchools() == null ? List.of() : input.mutedSchools()), language,
            Boolean.TRUE.equals(input.dailyDigest()));
    }

    private static LocalTime time(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (!value.matches("\\d{2}:\\d{2}")) {
                throw new DateTimeParseException("not HH:mm", value, 0);
            }
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("impossible-quiet-hours", "'" + value + "' is not a time of day: use HH:mm between "
                + "00:00 and 23:59 (Europe/London).").with("field", field);
        }
    }
}
