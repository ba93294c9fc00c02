/**
 * Small value types shared by every module: ids, problems, pages. No beans, no I/O.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package app.chorus.shared;
