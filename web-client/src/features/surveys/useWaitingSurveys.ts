import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import type { Api } from '../../api/client';
import { ok } from '../../api/client';
import { isOffline } from '../../api/offlineFeed';
import { keepSurveys, keptSurveys, withDraft, type KeptAnswers } from '../../api/offlineSurveys';
import type { SurveyForm, WaitingSurvey } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';

/**
 * The surveys waiting for my answers. Online, each one's questions and saved drafts are then kept on this device, so
 * that one first opened without a connection can be answered; offline, the list kept last time stands in (`kept`).
 */
export function useWaitingSurveys() {
  const { api } = useApi();
  const username = useAuth().session?.username;
  const waiting = useQuery({ queryKey: ['surveys-waiting'], networkMode: 'always', queryFn: () => ok(api.GET('/api/v1/surveys/waiting')) });
  useEffect(() => {
    if (!username || !waiting.data) return;
    const surveys = waiting.data.items ?? [];
    void keepForOffline(api, username, surveys);
    // The answer page's code too, where no service worker keeps it (private browsing, a browser without one).
    if (surveys.length > 0) void import('./AnswerSurveyPage');
  }, [api, username, waiting.data]);
  const kept = waiting.error && username && isOffline(waiting.error) ? keptSurveys(username) : null;
  return { waiting, kept };
}

/** Fetches the questions and drafts of the surveys waiting; a survey whose questions cannot be read is left out. */
async function keepForOffline(api: Api, username: string, surveys: WaitingSurvey[]): Promise<void> {
  const forms: Record<string, SurveyForm> = {};
  let drafts: Record<string, KeptAnswers> = {};
  await Promise.allSettled(surveys.map(async ({ surveyId = '', units = [] }) => {
    const form = await ok(api.GET('/api/v1/surveys/{surveyId}/form', { params: { path: { surveyId } } }));
    await Promise.allSettled(units.filter((unit) => unit.draft).map(async ({ unit = '' }) => {
      const draft = await ok(api.GET('/api/v1/surveys/{surveyId}/responses/{unit}/draft', { params: { path: { surveyId, unit } } }));
      drafts = withDraft(drafts, surveyId, unit, (draft.answers ?? {}) as KeptAnswers);
    }));
    forms[surveyId] = form;
  }));
  keepSurveys(username, { waiting: surveys.filter((survey) => forms[survey.surveyId ?? '']), forms, drafts });
}
