package app.chorus.identity;

import java.util.Arrays;
import java.util.Optional;

/** The realm roles Keycloak puts in the {@code roles} claim. */
public enum Role {
    TRUST_LEADER("trust-leader"),
    SCHOOL_LEADER("school-leader"),
    STAFF("staff"),
    CARER("carer"),
    PUPIL("pupil"),
    SAFEGUARDING_LEAD("safeguarding-lead"),
    PRIVACY_OFFICER("privacy-officer"),
    TRUST_ADMIN("trust-admin");

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    public String claimValue() {
        return claimValue;
    }

    public static Optional<Role> fromClaim(String value) {
        return Arrays.stream(values()).filter(role -> role.claimValue.equals(value)).findFirst();
    }
}
