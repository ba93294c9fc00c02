package app.chorus.accounts.internal;

import app.chorus.directory.DirectoryQueries;
import app.chorus.directory.RosterImported;
import app.chorus.platform.DomainEventListener;
import app.chorus.platform.DomainEvents;
import app.chorus.platform.Repeating;
import app.chorus.rights.PersonErased;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

@Configuration(proxyBeanMethods = false)
class AccountsBeans {

    @Bean
    PupilSignIn pupilSignIn(ReactiveMongoTemplate mongo) {
        return new PupilSignIn(mongo);
    }

    @Bean
    AccountsManagement accountsManagement(DirectoryQueries directory, ReactiveMongoTemplate mongo, DomainEvents events,
                                          PupilSignIn pupilSignIn, ProvisioningProperties properties) {
        KeycloakAdmin keycloak = new KeycloakAdmin(WebClient.builder(), properties);
        AccountProvisioner provisioner = new AccountProvisioner(keycloak, directory, new Invitations(mongo), pupilSignIn,
            properties, events);
        OwedAccountWork owed = new OwedAccountWork(mongo);
        return new AccountsManagement(provisioner, properties, new ErasedAccounts(keycloak, owed, events), owed);
    }

    @Bean
    DomainEventListener<PersonErased> erasedPersonsAccount(AccountsManagement accounts) {
        return DomainEventListener.of(PersonErased.class, accounts::erased);
    }

    /** Retries what a Keycloak outage left owed; stopped with the context. */
    @Bean(destroyMethod = "dispose")
    Disposable owedAccountWork(AccountsManagement accounts, ProvisioningProperties properties) {
        return Repeating.every(properties.retryEvery(), "Owed account work", LoggerFactory.getLogger(AccountsManagement.class),
            accounts::retryOwed);
    }

    @Bean
    RosterImportedListener rosterImportedListener(AccountsManagement accounts) {
        return new RosterImportedListener(accounts);
    }

    /** After a roster import commits, the accounts of the people it changed follow (when provisioning is on), in the background. */
    record RosterImportedListener(AccountsManagement accounts) implements DomainEventListener<RosterImported> {

        @Override
        public Class<RosterImported> eventType() {
            return RosterImported.class;
        }

        @Override
        public Mono<Void> on(RosterImported event) {
            return Mono.fromRunnable(() -> {
                if (accounts.enabled()) {
                    accounts.afterImport(event);
                }
            });
        }
    }
}
