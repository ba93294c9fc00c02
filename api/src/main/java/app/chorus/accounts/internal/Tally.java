package app.chorus.accounts.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** The counts of one run, added to from concurrent Keycloak calls. */
final class Tally {

    private static final int LISTED_REFUSALS = 20;

    final AtomicLong checked = new AtomicLong();
    final AtomicLong created = new AtomicLong();
    final AtomicLong linked = new AtomicLong();
    final AtomicLong enabled = new AtomicLong();
    final AtomicLong disabled = new AtomicLong();
    final AtomicLong rolesGranted = new AtomicLong();
    final AtomicLong invitationsSent = new AtomicLong();
    final AtomicLong unchanged = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    private final List<AccountsReport.Refusal> refusals = new CopyOnWriteArrayList<>();

    void refuse(String sourcedId, String reason) {
        if (refused.incrementAndGet() <= LISTED_REFUSALS) {
            refusals.add(new AccountsReport.Refusal(sourcedId, reason));
        }
    }

    AccountsReport report(long owed, boolean email, long millis) {
        return new AccountsReport(created.get(), linked.get(), enabled.get(), disabled.get(), rolesGranted.get(),
            invitationsSent.get(), owed, unchanged.get(), refused.get(), List.copyOf(refusals), email, millis);
    }
}
