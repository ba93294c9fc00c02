/**
 * Consent: a trust's minimum age for pupils taking part in what others read (opinion maps, consultations), and a
 * parent's or guardian's consent for a younger pupil. Public surface: {@link app.chorus.consent.PupilParticipation},
 * asked by the modules whose features need it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Consent")
package app.chorus.consent;
