package app.chorus.accounts.internal;

import java.util.List;

/**
 * What one provisioning run changed in Keycloak. A second run straight after changes nothing: every count but
 * {@code unchanged} and {@code invitationsOwed} is then 0.
 *
 * @param created         accounts made for rostered people who had none
 * @param linked          existing accounts (same username) that were given the person's sourcedId
 * @param enabled         disabled accounts of people back on the roster, enabled again
 * @param disabled        accounts of people no longer on the roster, disabled
 * @param rolesGranted    accounts given the realm role of their kind (staff, carer, pupil)
 * @param invitationsSent carers emailed a link to set their password
 * @param invitationsOwed carers still to be invited: the realm has no SMTP server (set one, and the next run sends them)
 * @param unchanged       rostered people whose account was already as it should be
 * @param refused         people Keycloak refused an account (e.g. an email another account has), with the first few
 * @param emailConfigured whether the realm can send email
 */
public record AccountsReport(long created, long linked, long enabled, long disabled, long rolesGranted, long invitationsSent,
                             long invitationsOwed, long unchanged, long refused, List<Refusal> refusals, boolean emailConfigured,
                             long millis) {

    /** A person Keycloak refused an account, and what it said. */
    public record Refusal(String sourcedId, String reason) {
    }
}
