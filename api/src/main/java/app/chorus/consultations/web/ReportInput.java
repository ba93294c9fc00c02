package app.chorus.consultations.web;

/** Why someone reports a contribution. */
record ReportInput(String reason) {
}
