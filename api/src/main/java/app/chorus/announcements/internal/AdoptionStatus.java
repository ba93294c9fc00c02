package app.chorus.announcements.internal;

/** One school's answer to an adaptable trust-wide announcement. */
public enum AdoptionStatus { PENDING, ADOPTED, ADAPTED, DECLINED }
