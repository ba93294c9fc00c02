import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ManageAnnouncementPage } from './ManageAnnouncementPage';
import { AnnouncementsPage } from './AnnouncementsPage';
import { FeedPage } from '../feed/FeedPage';
import { fakeApi, renderPage } from '../../test/render';

const published = {
  id: 'a-1', status: 'PUBLISHED', schoolId: 'sch-001', audience: { scope: 'SCHOOLS', ids: ['sch-001'], roles: ['CARERS'] },
  priority: 'IMPORTANT', requiresAcknowledgement: true, acknowledgeBy: '2020-01-01T00:00:00Z', defaultLanguage: 'en',
  translations: { en: { title: 'Trip on Friday', body: 'Bring a packed lunch.' }, pl: { title: 'Wycieczka w piątek', body: 'Zabierzcie drugie śniadanie.' } },
  links: [{ title: 'Letter', url: 'https://example.org/letter' }], version: 1, edited: false, publishedAt: '2026-12-01T09:00:00Z',
  publishAt: '2026-12-01T09:00:00Z', createdAt: '2026-11-30T09:00:00Z',
};
const schools = { 'GET /api/v1/schools': { items: [{ id: 'sch-001', name: 'Oakfield Primary' }] } };
const page = { roles: ['school-leader'], path: '/announcements/a-1/manage', route: '/announcements/:id/manage' };

describe('a school leader corrects or withdraws a published announcement', () => {
  it('corrects the text: the whole announcement goes back with only the text changed, and the page says it shows as edited', async () => {
    const { calls } = fakeApi({
      ...schools,
      'GET /api/v1/announcements/a-1': published,
      'PUT /api/v1/announcements/a-1': { ...published, version: 2, edited: true, editedAt: '2026-12-02T10:00:00Z' },
    });
    renderPage(<ManageAnnouncementPage />, page);
    const body = (await screen.findAllByLabelText('Message'))[0];
    await userEvent.clear(body);
    await userEvent.type(body, 'Bring a packed lunch and a coat.');
    await userEvent.click(screen.getByRole('button', { name: 'Save the correction' }));
    expect(await screen.findByText('Saved. Readers now see the corrected text, marked as edited.')).toBeInTheDocument();
    expect(screen.getByText(/Edited .* \(version 2\)/)).toBeInTheDocument();
    const edit = calls.find((c) => c.method === 'PUT')!.body as Record<string, unknown>;
    expect(edit.translations).toEqual({
      en: { title: 'Trip on Friday', body: 'Bring a packed lunch and a coat.' },
      pl: { title: 'Wycieczka w piątek', body: 'Zabierzcie drugie śniadanie.' },
    });
    expect(edit).toMatchObject({ schoolId: 'sch-001', priority: 'IMPORTANT', requiresAcknowledgement: true, links: [{ title: 'Letter', url: 'https://example.org/letter' }] });
    // Dates already past would be refused by the api: they are left out.
    expect(edit).not.toHaveProperty('acknowledgeBy');
    expect(edit).not.toHaveProperty('publishAt');
    expect(edit).not.toHaveProperty('editReason');
  });

  it('gives readers the reason for a correction, and sees it beside the edit', async () => {
    const { calls } = fakeApi({
      ...schools,
      'GET /api/v1/announcements/a-1': published,
      'PUT /api/v1/announcements/a-1': { ...published, version: 2, edited: true, editedAt: '2026-12-02T10:00:00Z', editReason: 'The coach leaves earlier' },
    });
    renderPage(<ManageAnnouncementPage />, page);
    await userEvent.type(await screen.findByLabelText(/Why did you change it\?/), '  The coach leaves earlier ');
    await userEvent.click(screen.getByRole('button', { name: 'Save the correction' }));
    expect(await screen.findByText(/Edited .* \(version 2\): The coach leaves earlier/)).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PUT')!.body).toMatchObject({ editReason: 'The coach leaves earlier' });
  });

  it('withdraws it with a reason, only after confirming, and then sees the reason', async () => {
    const { calls } = fakeApi({
      ...schools,
      'GET /api/v1/announcements/a-1': published,
      'POST /api/v1/announcements/a-1/retract': { ...published, status: 'RETRACTED', retractedAt: '2026-12-02T11:00:00Z', retractionReason: 'The trip is cancelled' },
    });
    renderPage(<ManageAnnouncementPage />, page);
    await userEvent.type(await screen.findByLabelText('Why are you withdrawing it?'), 'The trip is cancelled');
    await userEvent.click(screen.getByRole('button', { name: 'Withdraw' }));
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    expect(screen.getByText(/This cannot be undone/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Yes, withdraw it' }));
    expect(await screen.findByText(/Withdrawn .*: The trip is cancelled/)).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ reason: 'The trip is cancelled' });
    expect(screen.queryByRole('button', { name: 'Save the correction' })).not.toBeInTheDocument();
  });

  it('lists a withdrawn announcement with its reason, and offers to edit a live one', async () => {
    fakeApi({
      ...schools,
      'GET /api/v1/me': { username: 'head.oakfield', roles: ['school-leader'], leadsSchools: ['sch-001'] },
      'GET /api/v1/announcements': { items: [published, { ...published, id: 'a-2', status: 'RETRACTED', retractedAt: '2026-12-02T11:00:00Z', retractionReason: 'Sent to the wrong class' }] },
    });
    renderPage(<AnnouncementsPage />, { roles: ['school-leader'] });
    expect(await screen.findByText(/Withdrawn .*: Sent to the wrong class/)).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: /Edit or withdraw/ })).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'Edit or withdraw: Trip on Friday' })).toHaveAttribute('href', '/announcements/a-1/manage');
  });
});

describe('a carer reads a corrected announcement', () => {
  it('sees it marked as edited', async () => {
    fakeApi({
      ...schools,
      'GET /api/v1/me': { username: 'carer.demo', roles: ['carer'], children: [] },
      'GET /api/v1/feed': { items: [{ id: 'a-1', schoolId: 'sch-001', title: 'Trip on Friday', html: '<p>Bring a coat.</p>', priority: 'NORMAL', publishedAt: '2026-12-01T09:00:00Z', updatedAt: '2026-12-02T10:00:00Z', version: 2, edited: true }], next: null },
    });
    renderPage(<FeedPage />, { roles: ['carer'] });
    expect(await screen.findByText(/^Edited /)).toBeInTheDocument();
  });

  it('sees when and why it was corrected', async () => {
    fakeApi({
      ...schools,
      'GET /api/v1/me': { username: 'carer.demo', roles: ['carer'], children: [] },
      'GET /api/v1/feed': { items: [{ id: 'a-1', schoolId: 'sch-001', title: 'Trip on Friday', html: '<p>Bring a coat.</p>', priority: 'NORMAL', publishedAt: '2026-12-01T09:00:00Z', updatedAt: '2026-12-02T10:00:00Z', editedAt: '2026-12-02T10:00:00Z', editReason: 'The coach leaves earlier', version: 2, edited: true }], next: null },
    });
    renderPage(<FeedPage />, { roles: ['carer'] });
    expect(await screen.findByText(/^Edited .*: The coach leaves earlier$/)).toBeInTheDocument();
  });
});

describe('a carer reads a withdrawn announcement', () => {
  it('sees that the school withdrew it and why, and none of its text, links or acknowledgement', async () => {
    fakeApi({
      ...schools,
      'GET /api/v1/me': { username: 'carer.demo', roles: ['carer'], children: [] },
      'GET /api/v1/feed': { items: [{ id: 'a-1', schoolId: 'sch-001', title: 'Trip on Friday', html: null, priority: 'IMPORTANT', requiresAcknowledgement: false, publishedAt: '2026-12-01T09:00:00Z', links: [], withdrawn: true, withdrawnAt: '2026-12-02T11:00:00Z', withdrawalReason: 'The trip is cancelled' }], next: null },
    });
    renderPage(<FeedPage />, { roles: ['carer'] });
    expect(await screen.findByText('Withdrawn by the school: The trip is cancelled')).toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'Trip on Friday' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'I have read this' })).not.toBeInTheDocument();
  });
});
