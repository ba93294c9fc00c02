import { personalCopy } from './personalCopy';
import type { SurveyForm, WaitingSurvey } from './types';

/**
 * The surveys waiting for one person, with each one's questions and saved drafts, kept on the device while they are
 * online so that a survey first opened without a connection can still be answered (the answers then wait in the
 * outbox). Local storage, like the outbox: per signed-in person, only one person's copy at a time (keeping one drops
 * the others'), dropped on sign-out and when the session ends. It holds what the person may read, never a token.
 */
export type KeptAnswers = Record<string, unknown>;

export interface KeptSurveys {
  waiting: WaitingSurvey[];
  forms: Record<string, SurveyForm>;
  /** Drafts saved on the server, by `surveyId:unit`. */
  drafts: Record<string, KeptAnswers>;
  savedAt: string;
}

const draftKey = (surveyId: string, unit: string) => `${surveyId}:${unit}`;

const copies = personalCopy<KeptSurveys>(() => localStorage, 'chorus.offline-surveys.');

export function keepSurveys(username: string, surveys: Omit<KeptSurveys, 'savedAt'>, now = new Date()): void {
  copies.keep(username, { ...surveys, savedAt: now.toISOString() });
}

export function keptSurveys(username: string): KeptSurveys | null {
  return copies.read(username);
}

/** One survey's questions as kept, with when they were kept. */
export function keptForm(username: string, surveyId: string): { form: SurveyForm; savedAt: string } | null {
  const kept = keptSurveys(username);
  const form = kept?.forms[surveyId];
  return kept && form ? { form, savedAt: kept.savedAt } : null;
}

/** The draft saved on the server for one survey and unit when the surveys were kept (none: no answers yet). */
export function keptDraft(username: string, surveyId: string, unit: string): KeptAnswers {
  return keptSurveys(username)?.drafts[draftKey(surveyId, unit)] ?? {};
}

export function withDraft(drafts: Record<string, KeptAnswers>, surveyId: string, unit: string, answers: KeptAnswers) {
  return { ...drafts, [draftKey(surveyId, unit)]: answers };
}

/** Drops every copy (sign-out, or a session that ended). */
export const forgetAllSurveys = copies.forgetAll;
