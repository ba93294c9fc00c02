package app.chorus.announcements;

/** How loudly an announcement speaks: urgent bypasses quiet hours and mutes. */
public enum Priority { NORMAL, IMPORTANT, URGENT }
