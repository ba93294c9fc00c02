package app.chorus.moderation;

import java.util.Set;

/** Text matching a concern phrase was written: the safeguarding leads of these schools have been told. */
public record ConcernRaised(ContributionRef ref, Set<String> schoolIds, Set<String> phrases) {

    public ConcernRaised {
        schoolIds = Set.copyOf(schoolIds);
        phrases = Set.copyOf(phrases);
    }
}
