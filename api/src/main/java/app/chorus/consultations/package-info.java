/**
 * Consultations: co-construction cycles (ideas -> deliberation -> decision -> outcome -> review) over an audience of
 * the directory, ideas and supports, threaded deliberation, the outcome and its actions ("you said, we did"), and
 * the chain of cycles. Publishes {@link app.chorus.consultations.ConsultationOpened},
 * {@link app.chorus.consultations.ConsultationPhaseChanged}, {@link app.chorus.consultations.OutcomePublished} and
 * {@link app.chorus.consultations.ActionUpdated}, which it turns into pushes itself (to the audience, or to those
 * who took part through a {@link app.chorus.notifications.RecipientGroup}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Consultations")
package app.chorus.consultations;
