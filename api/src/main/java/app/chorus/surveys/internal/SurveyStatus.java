package app.chorus.surveys.internal;

public enum SurveyStatus { DRAFT, SCHEDULED, OPEN, CLOSED }
