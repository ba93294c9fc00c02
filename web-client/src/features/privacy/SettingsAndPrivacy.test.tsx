import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { App } from '../../App';
import { PrivacyPage } from './PrivacyPage';
import { fakeApi, renderPage } from '../../test/render';

const SCHOOLS = { 'GET /api/v1/schools': { items: [{ id: 'sch-001', name: 'Oakfield Primary' }] } };

describe('settings are for everyone', () => {
  it('a teacher finds Settings in the menu and chooses one email a day', async () => {
    let saved: Record<string, unknown> = { channels: ['email'], dailyDigest: false };
    const { calls } = fakeApi({
      ...SCHOOLS,
      'GET /api/v1/me': { username: 'teacher.oakfield', roles: ['staff'], schools: [{ id: 'sch-001' }] },
      'GET /api/v1/preferences': () => saved,
      'PUT /api/v1/preferences': (call) => { saved = call.body as Record<string, unknown>; return saved; },
    });
    renderPage(<App />, { roles: ['staff'], path: '/' });
    await userEvent.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Settings' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    await userEvent.click(await screen.findByRole('checkbox', { name: /One email a day/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PUT')!.body).toMatchObject({ channels: ['email'], dailyDigest: true });
    expect(screen.getByRole('link', { name: 'What your trust holds about you' })).toHaveAttribute('href', '/privacy');
  });
});

describe('the privacy page', () => {
  it('tells a carer what the trust holds, how small groups and anonymity protect them, and whom to ask; no export for them', () => {
    renderPage(<PrivacyPage />, { roles: ['carer'] });
    expect(screen.getByRole('heading', { level: 1, name: 'Privacy' })).toBeInTheDocument();
    expect(screen.getByText(/Your answers to named surveys/)).toBeInTheDocument();
    expect(screen.getByText(/No figure about fewer than 5 people/)).toBeInTheDocument();
    expect(screen.getByText(/Anonymous answers cannot be found again/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Download their data' })).not.toBeInTheDocument();
  });

  it('lets the privacy officer download everything Chorus holds naming a person', async () => {
    const { calls } = fakeApi({ 'GET /api/v1/people/car-000002/data': { person: { id: 'car-000002' }, sections: {}, notes: [] } });
    URL.createObjectURL = vi.fn(() => 'blob:data');
    URL.revokeObjectURL = vi.fn();
    renderPage(<PrivacyPage />, { roles: ['privacy-officer'] });
    await userEvent.type(screen.getByLabelText(/Directory record of the person/), 'car-000002');
    await userEvent.click(screen.getByRole('button', { name: 'Download their data' }));
    expect(await screen.findByText('The data of car-000002 is downloaded.')).toBeInTheDocument();
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['GET /api/v1/people/car-000002/data']);
    expect(URL.createObjectURL).toHaveBeenCalled();
  });

  it('lets the privacy officer find the person by name instead of their directory record', async () => {
    const { calls } = fakeApi({
      'GET /api/v1/people': { items: [{ id: 'car-000002', givenName: 'Amélie', familyName: 'Dupont', kind: 'carer', schoolIds: ['sch-001'], children: [] }], next: null },
      'GET /api/v1/people/car-000002/data': { person: { id: 'car-000002' }, sections: {}, notes: [] },
    });
    URL.createObjectURL = vi.fn(() => 'blob:data');
    URL.revokeObjectURL = vi.fn();
    renderPage(<PrivacyPage />, { roles: ['privacy-officer'] });
    await userEvent.type(screen.getByLabelText('Find them by name'), 'amel');
    await userEvent.click(screen.getByRole('button', { name: 'Find' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Dupont, Amélie' }));
    expect(screen.getByLabelText(/Directory record of the person/)).toHaveValue('car-000002');
    await userEvent.click(screen.getByRole('button', { name: 'Download their data' }));
    expect(await screen.findByText('The data of car-000002 is downloaded.')).toBeInTheDocument();
    expect(calls[0].url).toContain('name=amel');
  });

  it('lets a carer download their own data from the privacy page', async () => {
    const { calls } = fakeApi({ 'GET /api/v1/me/data': { person: { id: 'car-000002' }, sections: {}, notes: [] } });
    URL.createObjectURL = vi.fn(() => 'blob:mine');
    URL.revokeObjectURL = vi.fn();
    renderPage(<PrivacyPage />, { roles: ['carer'] });
    await userEvent.click(screen.getByRole('button', { name: 'Download my data' }));
    expect(await screen.findByText('Your data is downloaded.')).toBeInTheDocument();
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['GET /api/v1/me/data']);
    expect(URL.createObjectURL).toHaveBeenCalled();
  });

  it('shows the api\'s reason when the person is not known', async () => {
    fakeApi({});
    renderPage(<PrivacyPage />, { roles: ['privacy-officer'] });
    await userEvent.type(screen.getByLabelText(/Directory record of the person/), 'car-999999');
    await userEvent.click(screen.getByRole('button', { name: 'Download their data' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
  });
});

describe('subject access as a zip', () => {
  it('lets a carer download their own data as a zip of spreadsheets and files', async () => {
    const { calls } = fakeApi({ 'GET /api/v1/me/data/archive': new Response(new Blob(['PK']), { headers: { 'Content-Type': 'application/zip' } }) });
    URL.createObjectURL = vi.fn(() => 'blob:zip');
    URL.revokeObjectURL = vi.fn();
    renderPage(<PrivacyPage />, { roles: ['carer'] });
    await userEvent.click(screen.getByRole('button', { name: 'Download my data as a zip (spreadsheets and files)' }));
    expect(await screen.findByText('Your data is downloaded.')).toBeInTheDocument();
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['GET /api/v1/me/data/archive']);
  });

  it('lets the privacy officer download a person\'s archive', async () => {
    const { calls } = fakeApi({ 'GET /api/v1/people/car-000002/data/archive': new Response(new Blob(['PK']), { headers: { 'Content-Type': 'application/zip' } }) });
    URL.createObjectURL = vi.fn(() => 'blob:zip');
    URL.revokeObjectURL = vi.fn();
    renderPage(<PrivacyPage />, { roles: ['privacy-officer'] });
    await userEvent.type(screen.getByLabelText(/Directory record of the person/), 'car-000002');
    await userEvent.click(screen.getByRole('button', { name: 'Download as a zip (spreadsheets and files)' }));
    expect(await screen.findByText('The data of car-000002 is downloaded.')).toBeInTheDocument();
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['GET /api/v1/people/car-000002/data/archive']);
  });
});
