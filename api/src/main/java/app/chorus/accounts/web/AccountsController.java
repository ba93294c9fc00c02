package app.chorus.accounts.web;

import app.chorus.accounts.internal.AccountsManagement;
import app.chorus.accounts.internal.AccountsReport;
import app.chorus.accounts.internal.PupilSignIn;
import app.chorus.directory.AccessPolicy;
import app.chorus.directory.DirectoryQueries;
import app.chorus.identity.CurrentUser;
import app.chorus.shared.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Trust administrators reconcile sign-in accounts with the roster, and let a school's pupils sign in. */
@RestController
class AccountsController {

    private final AccessPolicy policy;
    private final AccountsManagement accounts;
    private final PupilSignIn pupilSignIn;
    private final DirectoryQueries directory;

    AccountsController(AccessPolicy policy, AccountsManagement accounts, PupilSignIn pupilSignIn, DirectoryQueries directory) {
        this.policy = policy;
        this.accounts = accounts;
        this.pupilSignIn = pupilSignIn;
        this.directory = directory;
    }

    /** Runs the account provisioner now and answers what it changed. */
    @PostMapping("/api/v1/directory/accounts/sync")
    Mono<AccountsReport> sync(@AuthenticationPrincipal CurrentUser user) {
        return admin(user).then(Mono.defer(accounts::sync));
    }

    /** Whether the pupils of a school get accounts (off until a trust administrator turns it on). */
    record PupilSignInSetting(@NotNull Boolean allowed) {
    }

    @PutMapping("/api/v1/directory/accounts/schools/{schoolId}/pupil-sign-in")
    Mono<ResponseEntity<PupilSignInSetting>> pupilSignIn(@AuthenticationPrincipal CurrentUser user, @PathVariable String schoolId,
                                                         @Valid @RequestBody PupilSignInSetting setting) {
        return admin(user).then(directory.school(schoolId).switchIfEmpty(Mono.error(Problem.notFound("school " + schoolId))))
            .flatMap(school -> pupilSignIn.set(schoolId, setting.allowed()))
            .thenReturn(ResponseEntity.ok(setting));
    }

    private Mono<Void> admin(CurrentUser user) {
        return policy.accessOf(user).flatMap(access -> access.canImportRoster() ? Mono.empty()
            : Mono.error(Problem.forbidden("accounts-forbidden",
                "Only trust administrators manage sign-in accounts. Ask your trust's administrator.")));
    }
}
