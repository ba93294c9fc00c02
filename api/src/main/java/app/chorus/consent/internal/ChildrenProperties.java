package app.chorus.consent.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param minimumAge the age (0 to 18) a pupil must have reached to take part in opinion maps and consultations without
 *                   a carer's consent; 0: no minimum
 */
@ConfigurationProperties("chorus.children")
public record ChildrenProperties(@DefaultValue("0") int minimumAge) {

    public ChildrenProperties {
        if (minimumAge < 0 || minimumAge > 18) {
            throw new IllegalArgumentException("chorus.children.minimum-age must be 0 (no minimum) to 18, not "
                + minimumAge + ": set CHORUS_CHILDREN_MINIMUM_AGE to e.g. 13 and restart.");
        }
    }
}
