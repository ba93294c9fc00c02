package app.chorus.opinions.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Votes arriving a few at a time (new ones, changed ones) leave the map on the covariance of the centred,
 * mean-imputed rating matrix, the same as recounting every vote.
 */
class CovarianceFollowsEveryVoteTests {

    private static final int STATEMENTS = 40;

    @Test
    void votesFoldedAFewAtATimeGiveTheCovarianceOfAllVotes() {
        List<Vote> votes = new ArrayList<>(new PlantedConversation(300, STATEMENTS, 3, 0.5, 0.8, 1).votes());
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 3_000; i++) {
            votes.add(new Vote("p" + random.nextInt(320), "s" + random.nextInt(STATEMENTS), random.nextInt(3) - 1));
        }
        VoteMatrix fewAtATime = withStatements();
        fewAtATime.putAll(List.of());
        for (int i = 0; i < votes.size(); i += 7) {
            fewAtATime.putAll(votes.subList(i, Math.min(votes.size(), i + 7)));
        }
        VoteMatrix allAtOnce = withStatements();
        allAtOnce.putAll(votes);

        double[] mean = new double[STATEMENTS];
        for (int s = 0; s < STATEMENTS; s++) {
            mean[s] = allAtOnce.mean(s);
        }
        double[][] folded = fewAtATime.covariance(mean);
        double[][] recounted = allAtOnce.covariance(mean);
        for (int j = 0; j < STATEMENTS; j++) {
            for (int k = 0; k < STATEMENTS; k++) {
                assertThat(folded[j][k]).isEqualTo(recounted[j][k]).isCloseTo(direct(allAtOnce, mean, j, k), within(1e-9));
            }
        }
    }

    private static VoteMatrix withStatements() {
        VoteMatrix votes = new VoteMatrix();
        for (int s = 0; s < STATEMENTS; s++) {
            votes.statement("s" + s);
        }
        return votes;
    }

    private static double direct(VoteMatrix votes, double[] mean, int j, int k) {
        double sum = 0;
        for (int p = 0; p < votes.participantCount(); p++) {
            byte a = votes.raw(p, j);
            byte b = votes.raw(p, k);
            if (a != VoteMatrix.NONE && b != VoteMatrix.NONE) {
                sum += (a - mean[j]) * (b - mean[k]);
            }
        }
        return sum;
    }
}
