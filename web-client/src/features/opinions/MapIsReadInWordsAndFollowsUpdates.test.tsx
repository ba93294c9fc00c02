import { screen, within } from '@testing-library/react';
import { LiveMap } from './LiveMap';
import { fakeApi, renderPage } from '../../test/render';

const base = '/api/v1/opinions/conversations/conv-1';
const group = (id: number, size: number, text: string, breakdown?: object) => ({
  id, label: `Group ${'AB'[id]}`, size, representative: [{ id: `s-${id}`, text }], centre: [id ? 1 : -1, 0],
  hull: [[id ? 0.5 : -1.5, -1], [id ? 1.5 : -0.5, -1], [id ? 1 : -1, 1]], breakdown,
});
const first = {
  version: 3, participants: 16, placed: 15, voteMinimum: 7,
  groups: [group(0, 12, 'Start at 9:30'), group(1, 3, 'Buses must change')],
  consensusAgree: [{ id: 's-5', text: 'Breakfast club should stay' }], consensusDisagree: [], groupAware: [],
  you: { votes: 4, placed: false, closestGroup: 1, position: [1.2, 0.3] },
};

function stream(...maps: object[]) {
  const body = maps.map((map, i) => `id: ${i}\nevent: map\ndata: ${JSON.stringify(map)}\n\n`).join('');
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

describe('The live opinion map', () => {
  it('says in words where the participant sits, each group with its size and statements, and the consensus', async () => {
    fakeApi({ [`GET ${base}/map`]: first, [`GET ${base}/map/stream`]: () => stream(first) });
    renderPage(<LiveMap conversationId="conv-1" />, { roles: ['pupil'] });
    expect(await screen.findByText('You are closest to Group B.')).toBeInTheDocument();
    expect(screen.getByText(/16 people voted; 15 placed in a group\. People appear on the map after 7 votes\./)).toBeInTheDocument();
    const groupA = screen.getByRole('listitem', { name: 'Group A, 12 people' });
    expect(within(groupA).getByText('Start at 9:30')).toBeInTheDocument();
    const groupB = screen.getByRole('listitem', { name: 'Group B, fewer than 5 people' });
    expect(within(groupB).getByText('Buses must change')).toBeInTheDocument();
    expect(screen.getByText('Breakfast club should stay')).toBeInTheDocument();
    const picture = screen.getByTestId('opinion-map-picture');
    expect(picture).toHaveAttribute('aria-hidden', 'true');
    expect(picture.querySelectorAll('polygon')).toHaveLength(2);
    expect(within(picture as unknown as HTMLElement).getByText('You')).toBeInTheDocument();
  });

  it('follows the updates the api streams', async () => {
    const later = { ...first, version: 4, participants: 17, placed: 17, you: { votes: 7, placed: true, group: 0, closestGroup: 0, position: [-1, 0] } };
    fakeApi({ [`GET ${base}/map`]: first, [`GET ${base}/map/stream`]: () => stream(first, later) });
    renderPage(<LiveMap conversationId="conv-1" />, { roles: ['pupil'] });
    expect(await screen.findByText('You are in Group A.')).toBeInTheDocument();
    expect(screen.getByText(/17 people voted; 17 placed/)).toBeInTheDocument();
  });

  it('shows a leader each group by school and role, with no breakdown for a group under 5', async () => {
    const leaders = {
      ...first, you: null,
      groups: [
        group(0, 12, 'Start at 9:30', { suppressed: false, bySchool: { 'sch-001': 9, 'sch-002': null }, byRole: { pupils: 12 } }),
        group(1, 3, 'Buses must change', { suppressed: true }),
      ],
    };
    fakeApi({
      [`GET ${base}/map`]: leaders, [`GET ${base}/map/stream`]: () => stream(leaders),
      'GET /api/v1/schools': { items: [{ id: 'sch-001', name: 'Oakfield Primary' }, { id: 'sch-002', name: 'Riverside' }] },
    });
    renderPage(<LiveMap conversationId="conv-1" />, { roles: ['trust-leader'] });
    const groupA = await screen.findByRole('listitem', { name: 'Group A, 12 people' });
    expect(await within(groupA).findByText('Oakfield Primary')).toBeInTheDocument();
    expect(within(groupA).getByText('fewer than 5')).toBeInTheDocument();
    expect(within(groupA).getByText('Pupils')).toBeInTheDocument();
    const groupB = screen.getByRole('listitem', { name: 'Group B, fewer than 5 people' });
    expect(within(groupB).getByText('Fewer than 5 people: no breakdown is shown.')).toBeInTheDocument();
  });
});

describe('The live opinion map before anyone is placed', () => {
  it('draws no empty picture and says the groups come once enough people vote', async () => {
    const empty = { version: 1, participants: 0, placed: 0, voteMinimum: 0, groups: [], consensusAgree: [], consensusDisagree: [], groupAware: [] };
    fakeApi({ [`GET ${base}/map`]: empty, [`GET ${base}/map/stream`]: () => stream(empty) });
    renderPage(<LiveMap conversationId="conv-1" />, { roles: ['pupil'] });
    expect(await screen.findByText('No groups yet: the map appears once enough people have voted.')).toBeInTheDocument();
    expect(screen.queryByTestId('opinion-map-picture')).not.toBeInTheDocument();
    expect(screen.queryByText(/appear on the map after/)).not.toBeInTheDocument();
  });
});
