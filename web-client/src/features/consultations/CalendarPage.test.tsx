import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CalendarPage, shift } from './CalendarPage';
import { fakeApi, renderPage } from '../../test/render';

const schools = { items: [{ id: 'sch-001', name: 'Oakfield Primary' }, { id: 'sch-002', name: 'Riverside Academy' }] };
const head = { username: 'head.oakfield', personId: 'stf-00002', trustWide: false, leadsSchools: ['sch-001'], schools: [{ id: 'sch-001', name: 'Oakfield Primary' }] };
const sarah = { username: 'carer.demo', personId: 'car-000001', trustWide: false, leadsSchools: [], schools: [] };

const uniform = { kind: 'consultation', id: 'con-1', title: 'Uniform', trustWide: false, schoolIds: ['sch-001'], from: '2026-12-08T09:00:00Z', until: '2026-12-20T09:00:00Z' };
const lunches = { kind: 'survey', id: 'srv-1', title: 'Lunches', trustWide: true, schoolIds: [], from: '2026-12-07T09:00:00Z', until: null };
const sportsDay = { kind: 'decision', id: 'dec-1', title: 'Sports day', trustWide: false, schoolIds: ['sch-002'], from: '2026-12-07T09:00:00Z', until: '2026-12-10T09:00:00Z' };

function calendar(weeks: { open: number; asks: object[] }[], extra: object = {}) {
  return {
    from: '2026-12-07', limit: 3, ...extra,
    weeks: weeks.map((week, i) => ({ weekStarting: shift('2026-12-07', i), ...week })),
  };
}

describe('CalendarPage', () => {
  it('shows a head their school week by week, warning of the week above the trust’s limit', async () => {
    const { calls } = fakeApi({
      'GET /api/v1/me': head,
      'GET /api/v1/schools': schools,
      'GET /api/v1/consultations/calendar': (call) => call.url.includes('schoolId=sch-001')
        ? calendar([{ open: 4, asks: [uniform, lunches] }, { open: 1, asks: [lunches] }])
        : calendar([{ open: 2, asks: [uniform, lunches] }, { open: 0, asks: [] }]),
    });
    renderPage(<CalendarPage />, { roles: ['school-leader', 'staff'] });
    expect(await screen.findByRole('link', { name: 'Uniform' })).toHaveAttribute('href', '/consultations/con-1');
    expect(screen.queryByText(/asks open at once/)).not.toBeInTheDocument();

    await userEvent.selectOptions(await screen.findByLabelText('Whose asks'), 'Oakfield Primary');

    expect(await screen.findByText(/In 1 week more than 3 asks are open here/)).toBeInTheDocument();
    const first = screen.getAllByRole('row')[1];
    expect(within(first).getByText('More than 3')).toBeInTheDocument();
    expect(within(first).getByText('and 2 more at schools you do not lead')).toBeInTheDocument();
    expect(calls.some((c) => c.url.includes('schoolId=sch-001') && c.url.includes('weeks=8'))).toBe(true);
  });

  it('lets a teacher find one carer by name, naming only their own school’s asks and counting the rest', async () => {
    const { calls } = fakeApi({
      'GET /api/v1/me': { ...head, leadsSchools: [] },
      'GET /api/v1/schools': schools,
      'GET /api/v1/people': {
        items: [{ id: 'car-000001', givenName: 'Sarah', familyName: 'Ó Brien', kind: 'carer', schoolIds: ['sch-001'],
          children: [{ pupilId: 'pup-1', givenName: 'Oliver', familyName: 'Ó Brien', schoolId: 'sch-001' }] }],
        next: null,
      },
      'GET /api/v1/consultations/calendar': calendar([{ open: 4, asks: [uniform] }]),
    });
    renderPage(<CalendarPage />, { roles: ['staff'] });
    expect(screen.queryByLabelText('Whose asks')).not.toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Carer’s name'), 'o');
    expect(screen.getByRole('button', { name: 'Find' })).toBeDisabled();
    await userEvent.type(screen.getByLabelText('Carer’s name'), 'bri');
    await userEvent.click(screen.getByRole('button', { name: 'Find' }));
    expect(await screen.findByText('carer of Oliver', { exact: false })).toBeInTheDocument();
    expect(calls.find((c) => c.url.startsWith('/api/v1/people'))?.url).toMatch(/name=obri.*kind=carer|kind=carer.*name=obri/);
    await userEvent.click(screen.getByRole('button', { name: 'Ó Brien, Sarah' }));

    expect(await screen.findByRole('heading', { name: 'Asks reaching carer car-000001' })).toBeInTheDocument();
    expect(screen.getByText('and 3 more from their children’s other schools')).toBeInTheDocument();
    expect(screen.getByText(/In 1 week this family has more than 3 asks open at once/)).toBeInTheDocument();
    expect(calls.find((c) => c.url.startsWith('/api/v1/consultations/calendar'))?.url).toContain('carerId=car-000001');
  });

  it('shows a carer their own asks across their children’s schools, and moves on by eight weeks', async () => {
    const { calls } = fakeApi({
      'GET /api/v1/me': sarah,
      'GET /api/v1/schools': schools,
      'GET /api/v1/consultations/calendar': calendar([{ open: 3, asks: [uniform, lunches, sportsDay] }], { carerId: 'car-000001' }),
    });
    renderPage(<CalendarPage />, { roles: ['carer'] });

    expect(await screen.findByRole('heading', { name: 'Your asks' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sports day' })).toHaveAttribute('href', '/decisions/dec-1');
    expect(screen.getByText('Vote')).toBeInTheDocument();
    expect(screen.queryByLabelText('Carer’s name')).not.toBeInTheDocument();
    expect(calls.find((c) => c.url.startsWith('/api/v1/consultations/calendar'))?.url).toContain('carerId=car-000001');

    await userEvent.click(screen.getByRole('button', { name: 'Later weeks' }));
    await vi.waitFor(() => expect(calls.some((c) => c.url.includes('from=2027-02-01'))).toBe(true));
  });
});
