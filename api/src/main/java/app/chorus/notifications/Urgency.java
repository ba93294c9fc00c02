package app.chorus.notifications;

/** How loudly a message speaks: urgent bypasses quiet hours, mutes and digests; important and urgent fall back to email. */
public enum Urgency { NORMAL, IMPORTANT, URGENT }
