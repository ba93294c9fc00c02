package app.chorus.surveys;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceResolver;
import app.chorus.directory.AudienceRole;
import app.chorus.directory.DirectoryQueries;
import java.util.List;

/**
 * Directory carers answering through the service layer: the demo trust has far more families than Keycloak has
 * logins, and eligibility is still decided by the real directory.
 */
record Respondents(AudienceResolver audiences, DirectoryQueries directory) {

    record ChildUnit(String carerId, String pupilId, String schoolId, String yearGroup) {
    }

    /** Every (carer, child) pair of the trust, in directory order. */
    List<ChildUnit> carerChildPairs() {
        return audiences.resolve(Audience.trust(AudienceRole.CARERS))
            .concatMap(member -> directory.pupilsCaredFor(member.personId())
                .map(child -> new ChildUnit(member.personId(), child.pupilId(), child.schoolId(), child.yearGroup())))
            .collectList().block();
    }

    /** One (carer, child) pair per child: the first carer found. */
    List<ChildUnit> oneCarerPerChild() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return carerChildPairs().stream().filter(pair -> seen.add(pair.pupilId())).toList();
    }
}
