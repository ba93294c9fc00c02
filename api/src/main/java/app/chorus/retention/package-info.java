/**
 * Retention: the trust's schedule of how long each kind of data is kept, set by the privacy officer or the trust
 * admin, and the purge that enforces it. Public surface: {@link app.chorus.retention.RetainedData} (the kinds) and
 * {@link app.chorus.retention.ExpiringData}, which the modules holding the data implement; the purge records each run
 * in the audit through {@link app.chorus.shared.ActRecorded}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Retention")
package app.chorus.retention;
