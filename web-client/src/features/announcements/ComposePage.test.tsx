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
    const confirm = screen.getByRole('alertdialog', { name: 'Ready to publish?' });
    expect(confirm).toHaveTextContent('This will be sent to 42 people now.');
    expect(calls.filter((c) => c.method === 'POST' && c.url === '/api/v1/announcements')).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: 'Publish to 42 people' }));
    expect(await screen.findByText(/Published/)).toBeInTheDocument();
    const created = calls.find((c) => c.method === 'POST' && c.url === '/api/v1/announcements');
    expect(created?.body).toMatchObject({
      schoolId: 'sch-001', priority: 'URGENT', requiresAcknowledgement: true,
      audience: { scope: 'SCHOOLS', ids: ['sch-001'], roles: ['CARERS'] },
      translations: { en: { title: 'Snow day', body: 'School is closed tomorrow.' } },
    });
  });

  it('lets an author write the French translation families can choose as their language', async () => {
    fakeApi({ 'GET /api/v1/me': me, 'GET /api/v1/schools': { items: [{ id: 'sch-001', name: 'Oakfield Primary' }] } });
    renderPage(<ComposePage />, { roles: ['school-leader', 'staff'] });
    await userEvent.selectOptions(await screen.findByLabelText('Add a translation'), 'fr');
    expect(screen.getByLabelText('Title (French)')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Message \(French\)/)).toBeInTheDocument();
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

  it('offers a teacher only the classes they teach and sends their post for approval without a publish confirmation', async () => {
    const teacher = { username: 'teacher.oakfield', roles: ['staff'], trustWide: false, leadsSchools: [], teachesClasses: ['cls-2'], schools: [{ id: 'sch-001', name: 'Oakfield Primary' }] };
    const { calls } = fakeApi({
      'GET /api/v1/me': teacher,
      'GET /api/v1/schools': { items: [{ id: 'sch-001', name: 'Oakfield Primary' }] },
      'GET /api/v1/schools/sch-001/classes': { items: [{ id: 'cls-1', title: '3A' }, { id: 'cls-2', title: '3B' }, { id: 'cls-3', title: '4A' }] },
      'POST /api/v1/announcements/reach-preview': { people: 31, byRole: { CARERS: 31 }, bySchool: {}, needsApproval: true },
      'POST /api/v1/announcements': { id: 'ann-7', status: 'DRAFT' },
      'POST /api/v1/announcements/ann-7/submit': { id: 'ann-7', status: 'PENDING_APPROVAL' },
    });
    renderPage(<ComposePage />, { roles: ['staff'] });
    await userEvent.click(await screen.findByRole('checkbox', { name: '3B' }));
    expect(screen.queryByRole('checkbox', { name: '3A' })).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: '4A' })).not.toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Reach' })).toHaveDisplayValue('Chosen classes');
    expect(screen.queryByRole('option', { name: 'Chosen schools' })).not.toBeInTheDocument();
    expect(await screen.findByText('Reaches 31 people')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Title'), 'PE kit');
    await userEvent.type(screen.getByLabelText(/^Message/), 'Trainers on Thursday.');
    await userEvent.click(await screen.findByRole('button', { name: 'Send for approval' }));
    expect(await screen.findByText('Sent to your school leader for approval.')).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    const created = calls.find((c) => c.method === 'POST' && c.url === '/api/v1/announcements');
    expect(created?.body).toMatchObject({ schoolId: 'sch-001', audience: { scope: 'CLASSES', ids: ['cls-2'], roles: ['CARERS'] } });
  });

  it('says why the api refuses an audience instead of a bare "no access"', async () => {
    fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/schools': { items: [{ id: 'sch-001', name: 'Oakfield Primary' }] },
      'POST /api/v1/announcements/reach-preview': () => new Response(JSON.stringify({
        type: 'urn:chorus:problem:audience-outside-scope', title: 'Forbidden', status: 403,
        detail: 'You may not publish to this audience: staff address their classes, school leaders their school, trust leaders any school.',
      }), { status: 403, headers: { 'Content-Type': 'application/problem+json' } }),
    });
    renderPage(<ComposePage />, { roles: ['school-leader', 'staff'] });
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Oakfield Primary' }));
    expect(await screen.findByText(/You cannot send to this audience\. You may not publish to this audience: staff address their classes/)).toBeInTheDocument();
  });
});
