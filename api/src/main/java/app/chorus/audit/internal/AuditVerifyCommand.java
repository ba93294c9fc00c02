package app.chorus.audit.internal;

import app.chorus.platform.DeploymentSecrets;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * {@code ./chorus audit verify}: reads every chain straight from the store (the running portal's embedded store, or
 * the MongoDB of {@code MONGODB_URI}) and prints each chain's state and the first broken link. Exits 1 when a chain
 * is broken, 2 when the store cannot be read.
 */
public final class AuditVerifyCommand {

    private AuditVerifyCommand() {
    }

    public static void main(String[] args) {
        String uri = env("MONGODB_URI", "mongodb://127.0.0.1:" + env("CHORUS_STORE_PORT", "27027"));
        System.exit(run(uri, env("MONGODB_DATABASE", "chorus"), System.out));
    }

    /** Prints one line per chain and a summary; 0 when every chain holds, 1 when one is broken, 2 on no store. */
    static int run(String uri, String database, PrintStream out) {
        try (MongoClient client = MongoClients.create(uri)) {
            ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, database);
            List<ChainReport> reports = ChainVerifier.verifyAll(mongo, new CheckpointSeal(Mono.defer(() -> DeploymentSecrets
                .fromEnvironment().secret(null, CheckpointSeal.PURPOSE)))).doOnNext(report -> out.println(line(report)))
                .collectList().block(Duration.ofMinutes(30));
            boolean intact = reports.stream().allMatch(ChainReport::intact);
            out.println(reports.size() + " chain(s) verified: " + (intact ? "all intact" : "BROKEN (see above)"));
            return intact ? 0 : 1;
        } catch (RuntimeException e) {
            out.println("Could not read the audit from " + database + " at " + uri + ": " + e.getMessage()
                + ". Start the portal (./chorus up) or set MONGODB_URI to the store, then retry.");
            return 2;
        }
    }

    private static String line(ChainReport report) {
        if (report.intact()) {
            return report.chain() + ": intact, " + report.links() + " link(s)" + (report.prunedThrough() == 0 ? ""
                : " after the signed checkpoint at link " + report.prunedThrough());
        }
        return report.chain() + ": BROKEN at link " + report.brokenAt()
            + (report.brokenEntry() == null ? "" : " (" + report.brokenEntry() + ")") + ": " + report.problem()
            + "; " + report.links() + " link(s) before it hold";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
