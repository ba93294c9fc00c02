import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ComposePage } from './ComposePage';
import { fakeApi, renderPage } from '../../test/render';

const me = { username: 'head.oakfield', roles: ['school-leader', 'staff'], trustWide: false, leadsSchools: ['sch-001'], schools: [{ id: 'sch-001', name: 'Oakfield Primary' }] };

describe('ComposePage', () => {
  it('shows a school leader how many people the audience reaches and publishes with acknowledgement', async () => {
    const { calls } = fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/schools': { items: [{ id: 'sch-001', name: 'Oakfield Primary' }] },
      'POST /api/v1/announcements/reach-preview': (call) => ({ people: (call.body as { audience: { ids: string[] } }).audience.ids.length ? 42 : 0, bySchool: {} }),
      'POST /api/v1/announcements': { id: 'ann-9', status: 'DRAFT' },
      'POST /api/v1/announcements/ann-9/submit': { id: 'ann-9', status: 'PUBLISHED' },
    });
    renderPage(<ComposePage />, { roles: ['school-leader', 'staff'] });
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Oakfield Primary' }));
    expect(await screen.findByText('Reaches 42 people')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Title'), 'Snow day');
    await userEvent.type(screen.getByLabelText(/^Message/), 'School is closed tomorrow.');
    await userEvent.click(screen.getByRole('radio', { name: 'Urgent' }));
    await userEvent.click(screen.getByRole('checkbox', { name: /acknowledge they have read it/ }));
    expect(screen.getByRole('article', { name: 'Preview as a carer sees it' })).toHaveTextContent('School is closed tomorrow.');
    await userEvent.click(screen.getByRole('button', { name: 'Publish' }));
    expect(await screen.findByText(/Published/)).toBeInTheDocument();
    const created = calls.find((c) => c.method === 'POST' && c.url === '/api/v1/announcements');
    expect(created?.body).toMatchObject({
      schoolId: 'sch-001', priority: 'URGENT', requiresAcknowledgement: true,
      audience: { scope: 'SCHOOLS', ids: ['sch-001'], roles: ['CARERS'] },
      translations: { en: { title: 'Snow day', body: 'School is closed tomorrow.' } },
    });
  });

  it('shows how many devices the audience reaches, by role and by school', async () => {
    fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/schools': { items: [{ id: 'sch-001', name: 'Oakfield Primary' }] },
      'POST /api/v1/announcements/reach-preview': {
        people: 45, byRole: { CARERS: 40, STAFF: 5 }, bySchool: { 'sch-001': { CARERS: 40, STAFF: 5 } },
        devices: { total: 1203, byRole: { CARERS: 1200, STAFF: 3 }, bySchool: { 'sch-001': { CARERS: 1200, STAFF: 3 } } },
      },
    });
    renderPage(<ComposePage />, { roles: ['school-leader', 'staff'] });
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Oakfield Primary' }));
    expect(await screen.findByText('Reaches 45 people on 1,203 devices')).toBeInTheDocument();
    await userEvent.click(screen.getByText('Who it reaches, by role and school'));
    const oakfield = screen.getByRole('row', { name: /Oakfield Primary/ });
    expect(oakfield).toHaveTextContent('40 people, 1,200 devices');
    expect(oakfield).toHaveTextContent('5 people, 3 devices');
  });

  it('refuses to send without a title, saying why, and sends nothing', async () => {
    const { calls } = fakeApi({ 'GET /api/v1/me': me, 'GET /api/v1/schools': { items: [] } });
    renderPage(<ComposePage />, { roles: ['school-leader'] });
    await userEvent.click(await screen.findByRole('button', { name: 'Publish' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Give the announcement a title.');
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST' && c.url === '/api/v1/announcements')).toHaveLength(0));
  });
});
