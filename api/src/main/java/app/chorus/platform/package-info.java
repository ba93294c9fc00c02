/**
 * Platform: the embedded store, problem details, request ids, the no-op endpoint. Public surface:
 * {@link app.chorus.platform.ProblemWriter}, {@link app.chorus.platform.DomainEvents}, {@link app.chorus.platform.StoredSecrets}. Internals in {@code store} and {@code web}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package app.chorus.platform;
