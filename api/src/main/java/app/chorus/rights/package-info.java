/**
 * People's rights under UK GDPR, asked for by the privacy officer: subject access (modules contribute a {@link app.chorus.rights.PersonalDataSource}) and erasure. Publishes
 * {@link app.chorus.rights.PersonErased}; the modules holding a person's data act on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rights")
package app.chorus.rights;
