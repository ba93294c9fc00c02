/**
 * Platform: the embedded store, the wiring of the shared edge (problem details, request ids; module {@code edge}), the no-op endpoint. Public surface:
 * {@link app.chorus.platform.DomainEvents}, {@link app.chorus.platform.DeploymentSecrets},
 * {@link app.chorus.platform.Repeating}, {@link app.chorus.platform.ChangeSequences}, {@link app.chorus.platform.LiveEvents}, and for store writes and reads of
 * concurrent requests sharing round trips {@link app.chorus.platform.Coalescer}, {@link app.chorus.platform.BulkWrites} and
 * {@link app.chorus.platform.ReadsById}. Internals in {@code store}, {@code web} and {@code privacy} (the trust's
 * {@link app.chorus.shared.SmallGroups}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package app.chorus.platform;
