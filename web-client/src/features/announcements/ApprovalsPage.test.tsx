import { screen, within } from '@testing-library/react';
import { ApprovalsPage } from './ApprovalsPage';
import { fakeApi, renderPage } from '../../test/render';

describe('ApprovalsPage', () => {
  it('shows a head who wrote a waiting post, who it goes to and its priority', async () => {
    fakeApi({
      'GET /api/v1/announcements': { items: [{
        id: 'ann-3', status: 'PENDING_APPROVAL', schoolId: 'sch-001', authorId: 'stf-00003', authorName: 'Priya Shah',
        audience: { scope: 'CLASSES', ids: ['cls-001-RB'], roles: ['CARERS'] }, priority: 'IMPORTANT', requiresAcknowledgement: true,
        defaultLanguage: 'en', translations: { en: { title: 'PE kit', html: '<p>Trainers.</p>' } },
      }] },
      'GET /api/v1/schools': { items: [{ id: 'sch-001', name: 'Oakfield Primary' }] },
      'GET /api/v1/schools/sch-001/classes': { items: [{ id: 'cls-001-RB', title: 'RB' }] },
    });
    renderPage(<ApprovalsPage />, { roles: ['school-leader', 'staff'] });
    const card = await screen.findByRole('article', { name: 'PE kit' });
    expect(within(card).getByText(/Written by Priya Shah/)).toBeInTheDocument();
    expect(card).not.toHaveTextContent('stf-00003');
    expect(await within(card).findByText('To: Parents and carers in RB (Oakfield Primary)')).toBeInTheDocument();
    expect(within(card).getByTestId('approval-priority')).toHaveTextContent('Priority: Important · asks carers to acknowledge');
  });
});
