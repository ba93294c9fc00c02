import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SurveyBuilderPage } from './SurveyBuilderPage';
import { fakeApi, renderPage } from '../../test/render';

const me = { username: 'head.oakfield', roles: ['school-leader', 'staff'], trustWide: false, leadsSchools: ['sch-001'], schools: [{ id: 'sch-001', name: 'Oakfield Primary' }] };

describe('SurveyBuilderPage', () => {
  it('lets a school leader keep a consent survey to parents and guardians, saying relatives are not asked', async () => {
    const { calls } = fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/schools': { items: [{ id: 'sch-001', name: 'Oakfield Primary' }] },
      'POST /api/v1/announcements/reach-preview': { people: 42, bySchool: {} },
      'POST /api/v1/surveys': { id: 'sv-9', status: 'DRAFT' },
      'POST /api/v1/surveys/sv-9/open': { id: 'sv-9', status: 'OPEN' },
    });
    renderPage(<SurveyBuilderPage />, { roles: ['school-leader', 'staff'] });
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Oakfield Primary' }));
    await userEvent.type(screen.getByLabelText('Survey title'), 'Trip to the farm: consent');
    const onlyParents = screen.getByRole('checkbox', { name: 'Only parents and guardians may answer' });
    expect(onlyParents).not.toBeChecked();
    expect(onlyParents).toHaveAccessibleDescription(/Other relatives \(a grandparent, for example\) are not asked/);
    await userEvent.click(onlyParents);
    await userEvent.click(screen.getByRole('button', { name: 'Publish survey' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url === '/api/v1/surveys/sv-9/open')).toBe(true));
    const created = calls.find((c) => c.method === 'POST' && c.url === '/api/v1/surveys');
    expect(created?.body).toMatchObject({
      title: 'Trip to the farm: consent', parentsAndGuardiansOnly: true,
      audience: { scope: 'SCHOOLS', ids: ['sch-001'], roles: ['CARERS'] },
    });
  });

  it('does not offer the choice when no carers are asked', async () => {
    fakeApi({ 'GET /api/v1/me': me, 'GET /api/v1/schools': { items: [{ id: 'sch-001', name: 'Oakfield Primary' }] } });
    renderPage(<SurveyBuilderPage />, { roles: ['school-leader', 'staff'] });
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Parents and carers' }));
    expect(screen.queryByRole('checkbox', { name: 'Only parents and guardians may answer' })).not.toBeInTheDocument();
  });
});

