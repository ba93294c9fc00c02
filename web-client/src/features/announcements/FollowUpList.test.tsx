import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FollowUpList } from './FollowUpList';
import { fakeApi, renderPage } from '../../test/render';

const carer = (n: number) => ({
  personId: `car-${n}`, name: `Carer ${n}`, schoolIds: ['sch-001'], pupilIds: [`pup-${n}`],
  children: [{ pupilId: `pup-${n}`, name: `Child ${n}`, schoolId: 'sch-001', schoolName: 'Oakfield Primary', classes: ['3B'] }],
});

describe('FollowUpList', () => {
  it('names each carer with their children and classes, and pages on through the cursor', async () => {
    const { calls } = fakeApi({
      'GET /api/v1/announcements/ann-1/unacknowledged': (call) => (call.url.includes('cursor=car-2')
        ? { items: [carer(3)] }
        : { items: [carer(1), carer(2)], next: 'car-2' }),
      'GET /api/v1/schools': { items: [{ id: 'sch-001', name: 'Oakfield Primary' }] },
    });
    renderPage(<FollowUpList id="ann-1" version={0} />, { roles: ['school-leader'] });
    const table = await screen.findByTestId('still-to-acknowledge');
    expect(within(table).getByRole('row', { name: /Carer 1/ })).toHaveTextContent('Child 1 (3B)');
    expect(table).not.toHaveTextContent('car-1');
    expect(within(table).getByRole('link', { name: 'What Carer 1 is asked (calendar)' }))
      .toHaveAttribute('href', '/consultations/calendar?carerId=car-1');
    expect(screen.getByText('Showing 2 carers so far.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Show more carers' }));
    expect(await within(table).findByRole('row', { name: /Carer 3/ })).toBeInTheDocument();
    expect(screen.getByText('Showing 3 carers.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show more carers' })).not.toBeInTheDocument();
    expect(calls.map((c) => c.url).filter((u) => u.includes('unacknowledged'))).toEqual([
      '/api/v1/announcements/ann-1/unacknowledged?limit=50',
      '/api/v1/announcements/ann-1/unacknowledged?limit=50&cursor=car-2',
    ]);
  });
});
