/**
 * Surveys: audiences from the directory, anonymity modes, one response per eligible person (or per child for
 * carer surveys), drafts, idempotent submission, live results with small-number suppression and school
 * comparison, free-text moderation, export. Built on {@link app.chorus.questionnaires}. Publishes
 * {@link app.chorus.surveys.SurveyOpened}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Surveys")
package app.chorus.surveys;
