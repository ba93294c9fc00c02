package app.chorus.consultations.internal;

import app.chorus.directory.Access;
import app.chorus.identity.CurrentUser;
import java.util.List;

/** A consultation as one person may see it: their voices in it and whether they manage (and moderate) it. */
public record Reader(Consultation consultation, CurrentUser user, Access access, List<Voice> voices, boolean manages) {

    public boolean takesPart() {
        return !voices.isEmpty();
    }

    /**
     * The schools whose safeguarding lead hears a concern in what this reader writes: the consultation's school, or
     * for a trust-wide one the schools they take part through (their children's, or their own).
     */
    java.util.Set<String> safeguardingSchools() {
        if (consultation.schoolId() != null) {
            return java.util.Set.of(consultation.schoolId());
        }
        java.util.Set<String> schools = new java.util.LinkedHashSet<>();
        voices.stream().map(Voice::schoolId).filter(java.util.Objects::nonNull).forEach(schools::add);
        if (schools.isEmpty()) {
            schools.addAll(access.schools());
        }
        return schools;
    }

    public String personId() {
        return user.personId();
    }

    /** The voice a request names ({@code as}: a pupil id or {@code self}); the only one when it names none. */
    Voice voice(String as) {
        if (voices.isEmpty()) {
            throw Problems.forbidden("as", "not-eligible",
                "You are not among those this consultation asks, so you cannot take part in it.");
        }
        if (as == null || as.isBlank()) {
            if (voices.size() == 1) {
                return voices.get(0);
            }
            throw Problems.invalid("as", "choose-a-voice", "You take part for several children: say which with ?as=PUPIL_ID.")
                .with("choices", voices.stream().map(Voice::as).toList());
        }
        return voices.stream().filter(voice -> voice.as().equals(as)).findFirst()
            .orElseThrow(() -> Problems.forbidden("as", "not-eligible", "You cannot take part as '" + as + "' in this consultation."));
    }
}
