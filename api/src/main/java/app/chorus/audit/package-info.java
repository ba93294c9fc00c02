/**
 * Audit: an append-only, tamper-evident record of consequential acts (publishing, opening and closing, moderation,
 * safeguarding, decisions, roster imports, exports), written by listening to the other modules' events, never edited.
 * One hash chain per school and one for the trust; actors are pseudonyms resolved through an identity map that
 * erasure can empty without breaking a chain. Public surface: {@link app.chorus.audit.AuditTrail} (forgetting a
 * person). Modules publish {@link app.chorus.shared.ActRecorded} for an act no event of theirs describes; it lives in
 * {@code shared} so the audit can listen to a module that also listens to it without a cycle.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package app.chorus.audit;
