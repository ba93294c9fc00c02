import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { outbox } from '../../api/outbox';
import { behindAConnection, fakeApi, renderPage } from '../../test/render';
import { SurveyPagesOnAPhone } from './SurveyPagesOnAPhone';

const CARER = 'carer.demo';
const questionnaire = { sections: [{ id: 's1', title: 'Lunch', questions: [
  { id: 'q1', type: 'SINGLE_CHOICE', text: 'Does your child have school lunch?', required: true, options: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }] },
  { id: 'q2', type: 'FREE_TEXT', text: 'Anything to add?', required: false },
] }] };
const form = {
  surveyId: 'sv-1', title: 'School lunches', anonymity: 'ANONYMOUS', anonymityStatement: 'Your answers are stored with no link to you.',
  status: 'OPEN', units: [{ unit: 'pup-1', label: 'Amira (Oakfield Primary)', answered: false, draft: false }], questionnaire,
};
const closed = () => new Response(JSON.stringify({
  type: 'urn:chorus:problem:survey-closed', title: 'Conflict', status: 409, detail: 'This survey has closed and no longer accepts answers.',
}), { status: 409, headers: { 'Content-Type': 'application/problem+json' } });

const App = SurveyPagesOnAPhone;

function surveyApi({ closesMeanwhile = false } = {}) {
  const submitted: string[] = [];
  const { calls, fetchMock } = fakeApi({
    'GET /api/v1/surveys/sv-1/form': () => ({ ...form, units: [{ ...form.units[0], answered: submitted.length > 0 }] }),
    'GET /api/v1/surveys/sv-1/responses/pup-1/draft': { unit: 'pup-1', answers: {} },
    'PUT /api/v1/surveys/sv-1/responses/pup-1/draft': (c) => (closesMeanwhile ? closed() : { unit: 'pup-1', answers: (c.body as { answers: object }).answers }),
    'POST /api/v1/surveys/sv-1/responses/pup-1': (c) => {
      if (closesMeanwhile) return closed();
      submitted.push(c.headers.get('Idempotency-Key')!);
      return { surveyId: 'sv-1', unit: 'pup-1', responseId: null, replayed: submitted.length > 1 };
    },
    'GET /api/v1/surveys/waiting': { items: [] },
  });
  return { ...behindAConnection(fetchMock), submitted, calls };
}

const signedIn = (path: string) => ({
  roles: ['carer'], path, auth: { session: { username: CARER, displayName: 'Sarah', roles: ['carer'], accessToken: 't', expiresAt: 0 } },
});

async function answerOffline(api: ReturnType<typeof surveyApi>) {
  expect(await screen.findByText('Your answers are stored with no link to you.')).toBeInTheDocument();
  api.connection.online = false;
  await userEvent.click(screen.getByRole('radio', { name: 'No' }));
  await userEvent.type(screen.getByLabelText('Anything to add?'), 'Packed lunch');
  expect(await screen.findByText('Saved on this device; will be sent when you are back online.')).toBeInTheDocument();
  await userEvent.click(screen.getByRole('button', { name: 'Send my answers' }));
  expect(await screen.findByText('Saved on this device; will be sent when you are back online.')).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Send my answers' })).not.toBeInTheDocument();
}

/** Opens the survey, loses the connection, chooses an answer (kept on the phone) and leaves the page. */
async function chooseOfflineAndLeave(option: string) {
  const api = surveyApi();
  const page = renderPage(<App />, signedIn('/surveys/sv-1/answer/pup-1'));
  expect(await screen.findByText('Your answers are stored with no link to you.')).toBeInTheDocument();
  api.connection.online = false;
  await userEvent.click(screen.getByRole('radio', { name: option }));
  expect(await screen.findByText('Saved on this device; will be sent when you are back online.')).toBeInTheDocument();
  page.unmount();
  return api;
}

describe('a carer answers a survey on a phone that loses its connection', () => {
  it('keeps the answers on the phone, says so, and sends them once, with the key first tried, when back online', async () => {
    const api = surveyApi();
    renderPage(<App />, signedIn('/surveys/sv-1/answer/pup-1'));
    await answerOffline(api);
    expect(outbox(CARER)).toEqual([expect.objectContaining({
      surveyId: 'sv-1', unit: 'pup-1', submit: true, answers: { q1: 'no', q2: 'Packed lunch' }, key: api.triedKeys[0],
    })]);

    api.connection.online = true;
    window.dispatchEvent(new Event('online'));
    expect(await screen.findByText('Thank you. Your answers have been sent.')).toBeInTheDocument();
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(outbox(CARER)).toEqual([]));
    expect(api.submitted).toEqual([api.triedKeys[0]]);
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({ answers: { q1: 'no', q2: 'Packed lunch' } });
  });

  it('finds the answers kept on the phone, not the older draft on the server, when the page is opened again', async () => {
    const api = await chooseOfflineAndLeave('No');

    renderPage(<App />, signedIn('/surveys/sv-1/answer/pup-1'));
    await waitFor(() => expect(screen.getByRole('radio', { name: 'No' })).toBeChecked());
    expect(screen.getByText('Saved on this device; will be sent when you are back online.')).toBeInTheDocument();

    api.connection.online = true;
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(outbox(CARER)).toEqual([]));
    expect(api.calls.filter((c) => c.method === 'PUT').at(-1)?.body).toEqual({ answers: { q1: 'no' } });
    expect(api.submitted).toEqual([]);
  });

  it('is asked to check the answers kept on the phone when the survey was changed meanwhile', async () => {
    await chooseOfflineAndLeave('Yes');
    questionnaire.sections[0].questions[1].text = 'Anything else to tell the kitchen?';
    try {
      renderPage(<App />, signedIn('/surveys/sv-1/answer/pup-1'));
      expect(await screen.findByText('This survey was changed after your answers were saved on this device. Check them before sending.')).toBeInTheDocument();
      await waitFor(() => expect(screen.getByRole('radio', { name: 'Yes' })).toBeChecked());
    } finally {
      questionnaire.sections[0].questions[1].text = 'Anything to add?';
    }
  });

  it('is told, on the survey and on the surveys page, that the survey closed before the answers could be sent', async () => {
    const api = surveyApi({ closesMeanwhile: true });
    const page = renderPage(<App />, signedIn('/surveys/sv-1/answer/pup-1'));
    await answerOffline(api);

    api.connection.online = true;
    window.dispatchEvent(new Event('online'));
    expect(await screen.findByRole('alert')).toHaveTextContent('This survey closed before your answers could be sent, so they were not counted.');
    page.unmount();

    renderPage(<App />, signedIn('/surveys'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('School lunches: This survey closed before your answers could be sent');
    expect(screen.getByRole('link', { name: 'School lunches' })).toHaveAttribute('href', '/surveys/sv-1/answer/pup-1');
    await userEvent.click(screen.getByRole('button', { name: 'Remove the answers saved on this device' }));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(outbox(CARER)).toEqual([]);
  });
});
