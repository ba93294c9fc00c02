import { screen } from '@testing-library/react';
import { MePage } from './MePage';
import { fakeApi, renderPage } from '../../test/render';

describe('MePage', () => {
  it('shows who the api says I am, with my roles in words, calling it with my token', async () => {
    const { calls } = fakeApi({ 'GET /api/v1/me': { username: 'carer.demo', personId: 'car-000001', roles: ['carer'] } });
    renderPage(<MePage />, { roles: ['carer'] });
    expect(await screen.findByText('car-000001')).toBeInTheDocument();
    expect(screen.getByText('Parent or carer')).toBeInTheDocument();
    expect(calls[0].headers.get('Authorization')).toBe('Bearer token');
  });

  it('explains when the session has ended', async () => {
    fakeApi({ 'GET /api/v1/me': new Response(JSON.stringify({ title: 'Unauthorized', status: 401 }), { status: 401 }) });
    renderPage(<MePage />, { roles: ['carer'] });
    expect(await screen.findByRole('alert')).toHaveTextContent('Sign in again');
  });
});
