package app.chorus.opinions.math;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic conversation with planted opinion groups: participant p belongs to group p % groups; each group has its
 * own leaning on every statement; each participant votes on a share of the statements, following their group's
 * leaning with the given fidelity and passing now and then.
 */
record PlantedConversation(int participants, int statements, int groups, double voteShare, double fidelity, long seed) {

    int groupOf(int participant) {
        return participant % groups;
    }

    static String participant(int p) {
        return "p" + p;
    }

    static String statement(int s) {
        return "s" + s;
    }

    List<Vote> votes() {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] leaning = new int[groups][statements];
        for (int g = 0; g < groups; g++) {
            for (int s = 0; s < statements; s++) {
                leaning[g][s] = random.nextBoolean() ? 1 : -1;
            }
        }
        String[] statementIds = new String[statements];
        for (int s = 0; s < statements; s++) {
            statementIds[s] = statement(s);
        }
        List<Vote> votes = new ArrayList<>();
        for (int p = 0; p < participants; p++) {
            String participantId = participant(p);
            for (int s = 0; s < statements; s++) {
                if (random.nextDouble() < voteShare) {
                    votes.add(new Vote(participantId, statementIds[s], vote(random, leaning[groupOf(p)][s])));
                }
            }
        }
        return votes;
    }

    private int vote(SplittableRandom random, int leaning) {
        double draw = random.nextDouble();
        if (draw < 0.1) {
            return 0;
        }
        return draw < 0.1 + 0.9 * fidelity ? leaning : -leaning;
    }
}
