package app.chorus.decisions.internal;

import app.chorus.decisions.Method;
import app.chorus.decisions.tally.RctabConfig;
import app.chorus.shared.Problem;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A closed ranked-choice decision as the plain ballot file and RCTab contest configuration that {@code ./chorus tally}
 * (and RCTab) read: {@code ballot_id,rank_1,...,rank_N}, one row per standing ballot, streamed; ballot ids are
 * numbers in the export, never a stored id.
 */
@Component
public class DecisionExports {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
    private final ReactiveMongoTemplate mongo;

    DecisionExports(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Flux<String> ballots(Decision decision) {
        requireCountedRanking(decision);
        int ranks = decision.options().size();
        List<String> header = new ArrayList<>(List.of("ballot_id"));
        for (int r = 1; r <= ranks; r++) {
            header.add("rank_" + r);
        }
        AtomicLong number = new AtomicLong();
        Query query = Query.query(Criteria.where("decisionId").is(decision.id())).with(Sort.by("_id"));
        query.fields().include("choice");
        return Flux.concat(Mono.just(row(header)), mongo.find(query, Document.class, BallotCasting.BALLOTS).map(ballot -> {
            List<String> cells = new ArrayList<>(List.of(Long.toString(number.incrementAndGet())));
            List<String> ranking = Choice.of(ballot.get("choice", Document.class)).ranking();
            for (int r = 0; r < ranks; r++) {
                cells.add(r < ranking.size() ? ranking.get(r) : "");
            }
            return row(cells);
        }));
    }

    public String config(Decision decision) {
        requireCountedRanking(decision);
        return RctabConfig.write(DecisionCount.contest(decision), "ballots.csv");
    }

    private static void requireCountedRanking(Decision decision) {
        if (decision.method() != Method.RANKED_IRV) {
            throw Problem.conflict("not-ranked-choice", "Only instant-runoff decisions export as an RCTab ballot file.");
        }
        if (decision.status() != DecisionStatus.CLOSED) {
            throw Problem.conflict("decision-not-closed", "The ballots are exported once the vote has closed and been counted.");
        }
    }

    private static String row(List<String> cells) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
