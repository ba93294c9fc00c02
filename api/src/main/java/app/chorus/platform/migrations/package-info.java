/** Start-up schema migrations of the store (Mongock), fed by each module's {@link app.chorus.platform.SchemaSteps}. */
package app.chorus.platform.migrations;
