import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RosterImportPage } from './RosterImportPage';
import { fakeApi, renderPage, type Call } from '../../test/render';

const lines = (...objects: object[]) => new Response(objects.map((o) => JSON.stringify(o)).join('\n') + '\n', { headers: { 'Content-Type': 'application/x-ndjson' } });
const zip = () => new File(['PK'], 'oneroster.zip', { type: 'application/zip' });

describe('a trust administrator imports the roster', () => {
  it('checks the files first, confirms the large removal the dry run found, then imports', async () => {
    const { calls } = fakeApi({
      'GET /api/v1/schools': { items: [{ id: 'sch-001', name: 'Oakfield Primary' }] },
      'POST /api/v1/directory/imports': (call: Call) => (call.url.includes('dryRun=true')
        ? lines({ progress: 'valid: 1200 users, 28 classes, 1500 enrollments' },
          { report: { dryRun: true, rows: 2728, changes: { users: { created: 3, updated: 10, deleted: 40, unchanged: 1147 } },
            schools: { 'sch-001': { users: { created: 3, updated: 10, deleted: 40, unchanged: 500 } } }, largeDeletions: [{ schoolId: 'sch-001', people: 553, deleted: 40 }] } })
        : lines({ progress: 'applied users' }, { report: { dryRun: false, rows: 2728, changes: { users: { created: 3, updated: 10, deleted: 40, unchanged: 1147 } } } })),
    });
    renderPage(<RosterImportPage />, { roles: ['trust-admin'] });
    await userEvent.upload(screen.getByLabelText('OneRoster files'), zip());
    await userEvent.click(screen.getByRole('button', { name: 'Check the files' }));
    expect(await screen.findByRole('heading', { name: 'What the import would change' })).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Progress' })).toHaveTextContent('valid: 1200 users');
    expect(within(await screen.findByRole('table', { name: 'Oakfield Primary' })).getByRole('row', { name: /users/ })).toHaveTextContent('users31040500');
    await userEvent.click(screen.getByRole('checkbox', { name: /Yes, remove 40 records/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Import now' }));
    expect(await screen.findByText('The roster is imported. Audiences follow it from now on.')).toBeInTheDocument();
    expect(calls.map((c) => c.url).filter((u) => u.includes('imports'))).toEqual([
      '/api/v1/directory/imports?dryRun=true', '/api/v1/directory/imports?dryRun=false&confirmDeletions=true']);
  });

  it('shows which delta rows were skipped because the stored record was changed later', async () => {
    fakeApi({
      'GET /api/v1/schools': { items: [{ id: 'sch-001', name: 'Oakfield Primary' }] },
      'POST /api/v1/directory/imports': lines({ report: { dryRun: true, rows: 2, changes: { people: { created: 0, updated: 1, deleted: 0, unchanged: 0 } },
        outdated: [{ file: 'users.csv', line: 3, sourcedId: 'pup-5', dateLastModified: '2026-12-05T08:00:00Z', storedDateLastModified: '2026-12-05T19:00:00Z' }] } }),
    });
    renderPage(<RosterImportPage />, { roles: ['trust-admin'] });
    await userEvent.upload(screen.getByLabelText('OneRoster files'), zip());
    await userEvent.click(screen.getByRole('button', { name: 'Check the files' }));
    const skipped = await screen.findByRole('table', { name: '1 change skipped: the stored record was changed later than this row says' });
    expect(within(skipped).getByRole('row', { name: /pup-5/ })).toHaveTextContent('users.csv3pup-52026-12-05T08:00:00Z2026-12-05T19:00:00Z');
  });

  it('lists every problem in the export with where it is and what to do, and imports nothing', async () => {
    const { calls } = fakeApi({
      'GET /api/v1/schools': { items: [] },
      'POST /api/v1/directory/imports': lines({ problem: { type: 'urn:chorus:problem:roster-invalid', detail: '2 problems in the roster file set; nothing was imported.', problemCount: 2, problems: [
        { file: 'users.csv', line: 14, column: 'email', problem: 'not an email address', fix: 'Correct it in the MIS.' },
        { file: 'enrollments.csv', line: 3, column: 'classSourcedId', problem: 'unknown class cls-9', fix: 'Export the class too.' },
      ] } }),
    });
    renderPage(<RosterImportPage />, { roles: ['trust-admin'] });
    await userEvent.upload(screen.getByLabelText('OneRoster files'), zip());
    await userEvent.click(screen.getByRole('button', { name: 'Check the files' }));
    const problems = await screen.findByRole('table', { name: '2 problems to fix in the MIS export' });
    expect(within(problems).getByRole('row', { name: /users.csv 14/ })).toHaveTextContent('email: not an email address');
    expect(screen.queryByRole('button', { name: 'Import now' })).not.toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });
});
