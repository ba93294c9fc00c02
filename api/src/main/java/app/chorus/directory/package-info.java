/**
 * Directory: the trust's shape (schools, year groups, classes, people and their relationships),
 * OneRoster import, audiences, and the one authorization policy.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
package app.chorus.directory;
