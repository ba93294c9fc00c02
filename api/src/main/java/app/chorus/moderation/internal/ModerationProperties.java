package app.chorus.moderation.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chorus.moderation.*}: the concern phrases (the trust's safeguarding policy sets them; the defaults are a
 * starting point), how long a concern may wait for its school's safeguarding lead before it escalates to the trust's,
 * and how often the follow-up runs.
 */
@ConfigurationProperties("chorus.moderation")
record ModerationProperties(List<String> concernPhrases, Duration concernEscalatesAfter, Duration followUpEvery) {

    static final List<String> DEFAULT_PHRASES = List.of("self harm", "harm myself", "hurt myself", "cutting myself",
        "kill myself", "suicide", "suicidal", "want to die", "end my life", "abuse", "abused", "abusing", "hits me",
        "beats me", "touched me", "bullied", "bullying", "bully", "scared to go home", "not safe at home", "grooming",
        "neglect", "starving", "drugs", "knife", "weapon");

    ModerationProperties {
        concernPhrases = concernPhrases == null || concernPhrases.isEmpty() ? DEFAULT_PHRASES : List.copyOf(concernPhrases);
        concernEscalatesAfter = concernEscalatesAfter == null ? Duration.ofHours(2) : concernEscalatesAfter;
        followUpEvery = followUpEvery == null ? Duration.ofSeconds(5) : followUpEvery;
        if (concernEscalatesAfter.isNegative() || concernEscalatesAfter.isZero()) {
            throw new IllegalArgumentException("chorus.moderation.concern-escalates-after must be a positive duration, e.g. 2h");
        }
    }
}
