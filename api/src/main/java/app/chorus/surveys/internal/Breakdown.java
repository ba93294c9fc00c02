package app.chorus.surveys.internal;

/** A dimension results can be broken down by. */
public enum Breakdown { SCHOOL, YEAR, ROLE }
