/**
 * Questionnaires: one engine for questions, answers, display conditions, validation and tallies, shared by
 * surveys and consultations. Pure domain: no beans, no I/O.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Questionnaires")
package app.chorus.questionnaires;
