/**
 * Platform: the embedded store, problem details, request ids, the no-op endpoint. Public surface:
 * {@link app.chorus.platform.ProblemWriter}. Internals in {@code store} and {@code web}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package app.chorus.platform;
