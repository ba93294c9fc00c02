package app.chorus.accounts.internal;

import app.chorus.directory.DirectoryQueries;
import app.chorus.directory.RosterImported;
import app.chorus.directory.RosteredPerson;
import app.chorus.platform.DomainEvents;
import app.chorus.shared.ActRecorded;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reconciles Keycloak's users with the roster in two passes, a page at a time (the next page is read only once the
 * Keycloak calls of this one are done, at most {@code concurrency} in flight):
 * <ol>
 * <li>every rostered person who should sign in has an enabled account linked by sourcedId, with the realm role of
 * their kind; new carers are invited to set their password (or recorded as owed an invitation); a person the roster
 * marks {@code enabledUser=false} gets no account, and their existing one is disabled;</li>
 * <li>every enabled account linked to a sourcedId that is no longer on the roster is disabled.</li>
 * </ol>
 * Each step changes Keycloak only when it differs, so a second run changes nothing.
 */
class AccountProvisioner {

    private static final Logger log = LoggerFactory.getLogger(AccountProvisioner.class);

    private final KeycloakAdmin keycloak;
    private final DirectoryQueries directory;
    private final Invitations invitations;
    private final PupilSignIn pupilSignIn;
    private final ProvisioningProperties properties;
    private final DomainEvents events;

    AccountProvisioner(KeycloakAdmin keycloak, DirectoryQueries directory, Invitations invitations, PupilSignIn pupilSignIn,
                       ProvisioningProperties properties, DomainEvents events) {
        this.events = events;
        this.keycloak = keycloak;
        this.directory = directory;
        this.invitations = invitations;
        this.pupilSignIn = pupilSignIn;
        this.properties = properties;
    }

    /** The run's facts that do not change while it goes. */
    private record Run(Tally tally, boolean email, Set<String> pupilSchools, String id) {

        boolean shouldSignIn(RosteredPerson person) {
            return switch (person.kind()) {
                case "staff", "carer" -> true;
                case "pupil" -> person.schoolIds().stream().anyMatch(pupilSchools::contains);
                default -> false;
            };
        }
    }

    Mono<AccountsReport> run() {
        long started = System.currentTimeMillis();
        return Mono.zip(keycloak.canSendEmail(), pupilSignIn.schools())
            .map(both -> new Run(new Tally(), both.getT1(), both.getT2(), java.util.UUID.randomUUID().toString()))
            .flatMap(run -> rostered(run).then(departed(run)).then(run.email() ? sendOwed(run) : Mono.empty())
                .then(invitations.count())
                .map(owed -> run.tally().report(owed, run.email(), System.currentTimeMillis() - started)))
            .doOnNext(report -> log.info("accounts provisioned: {}", report));
    }

    /**
     * The same two passes over what one roster import changed only (ADR 0372): the people it created or changed, and
     * the accounts of those it took off the roster, found by sourcedId. What it costs follows the import, not the trust.
     */
    Mono<AccountsReport> runFor(RosterImported event) {
        long started = System.currentTimeMillis();
        int batch = properties.batchSize();
        return Mono.zip(keycloak.canSendEmail(), pupilSignIn.schools())
            .map(both -> new Run(new Tally(), both.getT1(), both.getT2(), event.importId()))
            .flatMap(run -> directory.changedByPages(event.importId(), batch)
                .concatMap(page -> ensure(run, page), 0)
                .thenMany(directory.leftInPages(event.importId(), batch))
                .concatMap(left -> Flux.fromIterable(left).flatMap(id -> leaver(run, id), properties.concurrency()), 0)
                .then(run.email() ? sendOwed(run) : Mono.empty())
                .then(invitations.count())
                .map(owed -> run.tally().report(owed, run.email(), System.currentTimeMillis() - started)))
            .doOnNext(report -> log.info("accounts after roster import {}: {}", event.importId(), report));
    }

    /** The account of someone the import took off the roster is disabled. */
    private Mono<Void> leaver(Run run, String sourcedId) {
        return keycloak.findBySourcedId(sourcedId)
            .filter(KeycloakUser::enabled)
            .flatMap(user -> disable(run, user, "left the roster"))
            .onErrorResume(KeycloakAdmin::refused, error -> {
                run.tally().refuse(sourcedId, KeycloakAdmin.reason(error));
                return Mono.empty();
            });
    }

    // ---------- pass 1: the roster into Keycloak ----------

    private Mono<Void> rostered(Run run) {
        int batch = properties.batchSize();
        return directory.rosteredAfter(null, batch).collectList()
            .expand(page -> page.size() < batch ? Mono.empty() : directory.rosteredAfter(page.get(page.size() - 1).id(), batch).collectList())
            .concatMap(page -> ensure(run, page), 0)
            .then();
    }

    /** Every person of the page who should sign in has their account, at most {@code concurrency} at a time. */
    private Mono<Void> ensure(Run run, List<RosteredPerson> page) {
        return Flux.fromIterable(page).filter(run::shouldSignIn)
            .flatMap(person -> ensure(run, person), properties.concurrency())
            .then(Mono.fromRunnable(() -> progress(run, page)));
    }

    private static void progress(Run run, List<RosteredPerson> page) {
        if (page.isEmpty()) {
            return;
        }
        long checked = run.tally().checked.addAndGet(page.size());
        log.info("accounts: {} people of the roster checked (up to {}), {} accounts created so far", checked,
            page.get(page.size() - 1).id(), run.tally().created.get());
    }

    private Mono<Void> ensure(Run run, RosteredPerson person) {
        if (!person.enabledUser()) {
            return switchedOff(run, person);
        }
        return keycloak.findBySourcedId(person.id())
            .flatMap(user -> existing(run, user, person, false))
            .switchIfEmpty(Mono.defer(() -> keycloak.findByUsername(usernameOf(person))
                .flatMap(user -> link(run, user, person))
                .switchIfEmpty(Mono.defer(() -> create(run, person)))))
            .onErrorResume(KeycloakAdmin::refused, error -> {
                run.tally().refuse(person.id(), KeycloakAdmin.reason(error));
                return Mono.just(false);
            })
            .then();
    }

    /** The roster switched the person's account off (enabledUser false): none is made, and theirs is disabled. */
    private Mono<Void> switchedOff(Run run, RosteredPerson person) {
        return keycloak.findBySourcedId(person.id())
            .filter(KeycloakUser::enabled)
            .flatMap(user -> disable(run, user, "the roster switched the account off (enabledUser false)"))
            .onErrorResume(KeycloakAdmin::refused, error -> {
                run.tally().refuse(person.id(), KeycloakAdmin.reason(error));
                return Mono.empty();
            });
    }

    /** An account with the person's username but no sourcedId is theirs: link it rather than make another. */
    private Mono<Boolean> link(Run run, KeycloakUser user, RosteredPerson person) {
        if (user.sourcedId() != null) {
            run.tally().refuse(person.id(), "the username " + usernameOf(person) + " is taken by the account of " + user.sourcedId());
            return Mono.just(false);
        }
        KeycloakUser linked = user.withSourcedId(person.id());
        return keycloak.update(linked).doOnSuccess(v -> run.tally().linked.incrementAndGet())
            .then(existing(run, linked, person, true));
    }

    private Mono<Boolean> existing(Run run, KeycloakUser user, RosteredPerson person, boolean changed) {
        Mono<Boolean> enable = user.enabled() ? Mono.just(changed)
            : keycloak.update(user.withEnabled(true)).doOnSuccess(v -> run.tally().enabled.incrementAndGet()).thenReturn(true);
        return enable.flatMap(enabledChanged -> keycloak.realmRoles(user.id()).flatMap(roles -> {
            if (roles.contains(person.kind())) {
                return Mono.just(enabledChanged);
            }
            return keycloak.grantRealmRole(user.id(), person.kind()).doOnSuccess(v -> run.tally().rolesGranted.incrementAndGet())
                .thenReturn(true);
        })).doOnNext(any -> {
            if (!any) {
                run.tally().unchanged.incrementAndGet();
            }
        });
    }

    private Mono<Boolean> create(Run run, RosteredPerson person) {
        return keycloak.create(representation(person))
            .doOnNext(id -> run.tally().created.incrementAndGet())
            .flatMap(id -> keycloak.grantRealmRole(id, person.kind())
                .then(person.kind().equals("carer") ? invite(run, person.id(), id, person.email()) : Mono.empty())
                .thenReturn(true));
    }

    private Mono<Void> invite(Run run, String sourcedId, String userId, String email) {
        if (!run.email() || email == null || email.isBlank()) {
            return invitations.owe(sourcedId, userId);
        }
        return keycloak.inviteToSetPassword(userId).doOnSuccess(v -> run.tally().invitationsSent.incrementAndGet());
    }

    static String usernameOf(RosteredPerson person) {
        String email = person.email();
        return (email != null && !email.isBlank() ? email : person.id()).toLowerCase(java.util.Locale.ROOT);
    }

    private static Map<String, Object> representation(RosteredPerson person) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", usernameOf(person));
        if (person.email() != null && !person.email().isBlank()) {
            user.put("email", person.email());
        }
        user.put("firstName", person.givenName());
        user.put("lastName", person.familyName());
        user.put("enabled", true);
        user.put("attributes", Map.of(KeycloakUser.SOURCED_ID, List.of(person.id())));
        return user;
    }

    // ---------- pass 2: accounts of people who left ----------

    private Mono<Void> departed(Run run) {
        int batch = properties.batchSize();
        return keycloak.page(0, batch).map(page -> Map.entry(0, page))
            .expand(entry -> entry.getValue().size() < batch ? Mono.empty()
                : keycloak.page(entry.getKey() + batch, batch).map(page -> Map.entry(entry.getKey() + batch, page)))
            .concatMap(entry -> disableDeparted(run, entry.getValue()), 0)
            .then();
    }

    private Mono<Void> disableDeparted(Run run, List<KeycloakUser> page) {
        Map<String, KeycloakUser> linked = page.stream().filter(user -> user.sourcedId() != null && user.enabled())
            .collect(Collectors.toMap(KeycloakUser::sourcedId, user -> user, (a, b) -> a));
        if (linked.isEmpty()) {
            return Mono.empty();
        }
        return directory.rostered(linked.keySet()).map(RosteredPerson::id).collect(Collectors.toSet())
            .flatMapMany(onRoster -> Flux.fromIterable(linked.values()).filter(user -> !onRoster.contains(user.sourcedId())))
            .flatMap(user -> disable(run, user, "left the roster"), properties.concurrency())
            .then();
    }

    /** Disables the account, and the audit records it by the account's id only (the person's name is not in it). */
    private Mono<Void> disable(Run run, KeycloakUser user, String reason) {
        return keycloak.update(user.withEnabled(false))
            .doOnSuccess(v -> run.tally().disabled.incrementAndGet())
            .then(events.publish(new ActRecorded("account-disabled:" + user.id() + ":" + run.id(), "account-disabled", null, null,
                "account:" + user.id(), reason, Instant.now())));
    }

    // ---------- invitations owed from runs without email ----------

    private Mono<Void> sendOwed(Run run) {
        return invitations.owed()
            .flatMap(owed -> keycloak.inviteToSetPassword(owed.getString("userId"))
                .then(invitations.sent(owed.getString("_id")))
                .doOnSuccess(v -> run.tally().invitationsSent.incrementAndGet())
                .onErrorResume(error -> {
                    log.warn("could not invite {}: {}", owed.getString("_id"), KeycloakAdmin.reason(error));
                    return Mono.empty();
                }), properties.concurrency())
            .then();
    }
}
