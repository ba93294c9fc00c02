package app.chorus.directory;

import java.util.List;

/**
 * A person on the roster as seen by those who give them an account: kind is {@code staff}, {@code carer} or
 * {@code pupil}; {@code enabledUser} is false when the roster says their account is switched off (OneRoster's
 * {@code enabledUser}).
 */
public record RosteredPerson(String id, String kind, String givenName, String familyName, String email, List<String> schoolIds,
                             boolean enabledUser) {
}
