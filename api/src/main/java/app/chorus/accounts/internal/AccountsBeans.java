package app.chorus.accounts.internal;

import app.chorus.directory.DirectoryQueries;
import app.chorus.directory.RosterImported;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.web.reactive.function.client.WebClient;

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

    /** After a roster import commits, accounts follow (when provisioning is on). */
    record RosterImportedListener(AccountsManagement accounts) {

        @EventListener
        void on(RosterImported event) {
            if (accounts.enabled()) {
                accounts.afterImport();
            }
        }
    }
}
