package app.chorus.accounts.internal;

import app.chorus.directory.DirectoryQueries;
import app.chorus.directory.RosterImported;
import app.chorus.platform.DomainEventListener;
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
    AccountsManagement accountsManagement(DirectoryQueries directory, ReactiveMongoTemplate mongo,
                                          PupilSignIn pupilSignIn, ProvisioningProperties properties) {
        AccountProvisioner provisioner = new AccountProvisioner(new KeycloakAdmin(WebClient.builder(), properties), directory,
            new Invitations(mongo), pupilSignIn, properties);
        return new AccountsManagement(provisioner, properties);
    }

    @Bean
    RosterImportedListener rosterImportedListener(AccountsManagement accounts) {
        return new RosterImportedListener(accounts);
    }

    /** After a roster import commits, accounts follow (when provisioning is on), in the background. */
    record RosterImportedListener(AccountsManagement accounts) implements DomainEventListener<RosterImported> {

        @Override
        public Class<RosterImported> eventType() {
            return RosterImported.class;
        }

        @Override
        public Mono<Void> on(RosterImported event) {
            return Mono.fromRunnable(() -> {
                if (accounts.enabled()) {
                    accounts.afterImport();
                }
            });
        }
    }
}
