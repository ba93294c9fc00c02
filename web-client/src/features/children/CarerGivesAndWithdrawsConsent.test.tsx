import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../App';
import { ChildrenConsentPage } from './ChildrenConsentPage';
import { fakeApi, renderPage } from '../../test/render';

const OLIVER = {
  pupilId: 'pup-000001', givenName: 'Oliver', familyName: 'Bennett', schoolId: 'sch-001', schoolName: 'Oakfield Primary',
  yearGroup: 'Y3', age: 7, minimumAge: 13, given: false,
};

describe('a carer and their children under the minimum age', () => {
  it('finds the consent page in the menu, sees Oliver without consent, gives it, then withdraws it', async () => {
    let given = false;
    const answer = () => [{ ...OLIVER, given, givenAt: given ? '2026-12-06T10:00:00Z' : undefined }];
    const { calls } = fakeApi({
      'GET /api/v1/schools': { items: [{ id: 'sch-001', name: 'Oakfield Primary' }] },
      'GET /api/v1/me': { username: 'carer.demo', roles: ['carer'], schools: [{ id: 'sch-001' }] },
      'GET /api/v1/children/participation-consents': answer,
      'PUT /api/v1/children/pup-000001/participation-consent': () => { given = true; return { pupilId: OLIVER.pupilId, given, minimumAge: 13 }; },
      'DELETE /api/v1/children/pup-000001/participation-consent': () => { given = false; return { pupilId: OLIVER.pupilId, given, minimumAge: 13 }; },
    });
    renderPage(<App />, { roles: ['carer'], path: '/' });
    await userEvent.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'My children’s consent' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Consent for my children' })).toBeInTheDocument();
    const oliver = await screen.findByRole('article', { name: 'Oliver Bennett' });
    expect(within(oliver).getByText('Under 13, the minimum age at their school.')).toBeInTheDocument();
    expect(within(oliver).getByText('No consent: they cannot take part yet.')).toBeInTheDocument();

    await userEvent.click(within(oliver).getByRole('button', { name: 'Give consent for Oliver Bennett' }));
    expect(await within(oliver).findByText(/You consented on .*: they may take part\./)).toBeInTheDocument();
    await userEvent.click(within(oliver).getByRole('button', { name: 'Withdraw consent for Oliver Bennett' }));
    expect(await within(oliver).findByText('No consent: they cannot take part yet.')).toBeInTheDocument();

    expect(calls.filter((c) => c.method !== 'GET').map((c) => `${c.method} ${c.url}`)).toEqual([
      'PUT /api/v1/children/pup-000001/participation-consent',
      'DELETE /api/v1/children/pup-000001/participation-consent',
    ]);
  });

  it('tells a carer whose children are all old enough that nothing is needed', async () => {
    fakeApi({ 'GET /api/v1/children/participation-consents': [] });
    renderPage(<ChildrenConsentPage />, { roles: ['carer'] });
    expect(await screen.findByText(/None of your children needs your consent/)).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('is not in a teacher’s menu', () => {
    fakeApi({});
    renderPage(<App />, { roles: ['staff'], path: '/' });
    expect(within(screen.getByRole('navigation', { name: 'Main' })).queryByRole('link', { name: 'My children’s consent' }))
      .not.toBeInTheDocument();
  });
});
