import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { forgetAllSurveys, keepSurveys, keptForm, keptSurveys } from '../../api/offlineSurveys';
import { outbox } from '../../api/outbox';
import type { SurveyForm } from '../../api/types';
import { behindAConnection, fakeApi, renderPage } from '../../test/render';
import { SurveyPagesOnAPhone } from './SurveyPagesOnAPhone';

const CARER = 'carer.demo';
const questionnaire = { sections: [{ id: 's1', title: 'Trips', questions: [
  { id: 'q1', type: 'SINGLE_CHOICE', text: 'May your child join the museum trip?', required: true, options: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }] },
  { id: 'q2', type: 'FREE_TEXT', text: 'Anything the teachers should know?', required: false },
] }] };
const unit = { unit: 'pup-1', label: 'Amira (Oakfield Primary)', answered: false, draft: true };
const form = {
  surveyId: 'sv-2', title: 'Museum trip', anonymity: 'NAMED', anonymityStatement: 'Your name is kept with your answers.',
  status: 'OPEN', units: [unit], questionnaire,
};

const App = SurveyPagesOnAPhone;

function surveyApi() {
  const submitted: unknown[] = [];
  const { fetchMock } = fakeApi({
    'GET /api/v1/surveys/waiting': () => ({ items: submitted.length ? [] : [{ surveyId: 'sv-2', title: 'Museum trip', anonymity: 'NAMED', units: [unit] }] }),
    'GET /api/v1/surveys/sv-2/form': form,
    'GET /api/v1/surveys/sv-2/responses/pup-1/draft': { unit: 'pup-1', answers: { q1: 'yes' } },
    'PUT /api/v1/surveys/sv-2/responses/pup-1/draft': (c) => ({ unit: 'pup-1', answers: (c.body as { answers: object }).answers }),
    'POST /api/v1/surveys/sv-2/responses/pup-1': (c) => { submitted.push(c.body); return { surveyId: 'sv-2', unit: 'pup-1', replayed: false }; },
  });
  return { ...behindAConnection(fetchMock, { reads: true }), submitted };
}

const signedIn = (path: string, username = CARER) => ({
  roles: ['carer'], path, auth: { session: { username, displayName: username, roles: ['carer'], accessToken: 't', expiresAt: 0 } },
});

/** The carer looks at the surveys waiting while online: the phone keeps them, questions and draft. */
async function readSurveysOnline() {
  const api = surveyApi();
  const page = renderPage(<App />, signedIn('/surveys'));
  expect(await screen.findByRole('link', { name: 'Answer for Amira (Oakfield Primary)' })).toBeInTheDocument();
  await waitFor(() => expect(keptForm(CARER, 'sv-2')).not.toBeNull());
  page.unmount();
  return api;
}

describe('a carer answers a survey first opened without a connection', () => {
  beforeEach(() => { localStorage.clear(); sessionStorage.clear(); });

  it('answers from the copy kept when the surveys list was read, is told it is offline, and the answers are sent once back online', async () => {
    const api = await readSurveysOnline();
    api.connection.online = false;

    renderPage(<App />, signedIn('/surveys/sv-2/answer/pup-1'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Museum trip' })).toBeInTheDocument();
    expect(screen.getByText(/^You are offline: this is the survey as it was kept on this device/)).toBeInTheDocument();
    // the draft saved on the server before the connection dropped
    await waitFor(() => expect(screen.getByRole('radio', { name: 'Yes' })).toBeChecked());
    await userEvent.type(screen.getByLabelText('Anything the teachers should know?'), 'Needs an inhaler');
    await userEvent.click(screen.getByRole('button', { name: 'Send my answers' }));
    expect(await screen.findByText('Saved on this device; will be sent when you are back online.')).toBeInTheDocument();
    expect(outbox(CARER)).toEqual([expect.objectContaining({ surveyId: 'sv-2', submit: true, answers: { q1: 'yes', q2: 'Needs an inhaler' } })]);

    api.connection.online = true;
    window.dispatchEvent(new Event('online'));
    expect(await screen.findByText('Thank you. Your answers have been sent.')).toBeInTheDocument();
    expect(api.submitted).toEqual([{ answers: { q1: 'yes', q2: 'Needs an inhaler' } }]);
    await waitFor(() => expect(outbox(CARER)).toEqual([]));
  });

  it('lists the surveys kept on the phone when the surveys page is opened offline', async () => {
    const api = await readSurveysOnline();
    api.connection.online = false;

    renderPage(<App />, signedIn('/surveys'));
    expect(await screen.findByText(/^You are offline\. These are the surveys waiting for you/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Answer for Amira (Oakfield Primary)' })).toHaveAttribute('href', '/surveys/sv-2/answer/pup-1');
  });

  it('says the survey cannot be read when it was never kept on the phone', async () => {
    const api = surveyApi();
    api.connection.online = false;
    renderPage(<App />, signedIn('/surveys/sv-2/answer/pup-1'));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Museum trip' })).not.toBeInTheDocument();
  });

  it('never shows one person’s kept surveys to the next person on a shared phone, and keeps nothing after signing out', () => {
    const kept = { waiting: [], forms: { 'sv-2': form as SurveyForm }, drafts: {} };
    keepSurveys(CARER, kept);
    expect(keptForm('carer.dad', 'sv-2')).toBeNull();
    keepSurveys('carer.dad', kept);
    expect(keptSurveys(CARER)).toBeNull();
    forgetAllSurveys();
    expect(keptSurveys('carer.dad')).toBeNull();
  });
});
