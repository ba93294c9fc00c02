import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../App';
import { fakeApi, renderPage } from '../test/render';

const FEED = { items: [{ id: 'ann-1', schoolId: 'sch-001', title: 'Wycieczka', html: '<p>Drugie śniadanie.</p>', priority: 'NORMAL', publishedAt: '2026-11-24T09:00:00Z', requiresAcknowledgement: true }] };
const SCHOOLS = { items: [{ id: 'sch-001', name: 'Oakfield Primary' }] };

describe('the screens speak the language the person prefers', () => {
  it('a carer who prefers Polish reads her feed and the menu in Polish', async () => {
    fakeApi({
      'GET /api/v1/preferences': { channels: ['push'], language: 'pl' },
      'GET /api/v1/feed': FEED,
      'GET /api/v1/schools': SCHOOLS,
      'GET /api/v1/me': { username: 'carer.demo', roles: ['carer'], children: [] },
    });
    renderPage(<App />, { roles: ['carer'], path: '/feed' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Moje wiadomości' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Przeczytałem/przeczytałam' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ustawienia' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('pl');
  });

  it('a preference Chorus is not written in (Urdu) leaves the screens in English', async () => {
    fakeApi({ 'GET /api/v1/preferences': { channels: ['push'], language: 'ur' }, 'GET /api/v1/feed': FEED, 'GET /api/v1/schools': SCHOOLS });
    renderPage(<App />, { roles: ['carer'], path: '/feed' });
    expect(await screen.findByRole('button', { name: 'I have read this' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'My feed' })).toBeInTheDocument();
  });

  it('choosing French on the preferences page turns the screens French once saved', async () => {
    let saved: unknown = { channels: ['push'] };
    fakeApi({
      'GET /api/v1/preferences': () => saved,
      'PUT /api/v1/preferences': (call) => { saved = call.body; return saved; },
      'GET /api/v1/schools': SCHOOLS,
    });
    renderPage(<App />, { roles: ['carer'], path: '/preferences' });
    await userEvent.selectOptions(await screen.findByLabelText(/Language for announcements/), 'fr');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByRole('button', { name: 'Enregistrer les réglages' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Mon fil' })).toBeInTheDocument();
  });
});
