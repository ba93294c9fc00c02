import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import type { UserManager } from 'oidc-client-ts';
import { vi } from 'vitest';
import { AuthProvider, landingPath } from './AuthProvider';
import { useAuth } from './AuthContext';
import { keepFeed, keptFeed } from '../api/offlineFeed';
import userEvent from '@testing-library/user-event';

function fakeManager(returnTo: string) {
  const user = {
    profile: { preferred_username: 'carer.demo', given_name: 'Dana', family_name: 'Carer' },
    access_token: 'h.e30.s', state: { returnTo }, expires_at: Date.now() / 1000 + 300, expired: false,
  };
  const noop = () => undefined;
  return {
    signinRedirectCallback: vi.fn(async () => user),
    getUser: vi.fn(async () => null),
    events: {
      addUserLoaded: noop, removeUserLoaded: noop, addUserUnloaded: noop, removeUserUnloaded: noop,
      addSilentRenewError: noop, removeSilentRenewError: noop,
    },
  } as unknown as UserManager;
}

function Where() {
  const { session } = useAuth();
  return <p>{`${useLocation().pathname} as ${session?.displayName ?? 'nobody'}`}</p>;
}

describe('AuthProvider', () => {
  it('lands a person signing in from a deep link on the page they asked for, not on "not found"', async () => {
    render(
      <MemoryRouter initialEntries={['/auth/callback?code=abc&state=xyz']}>
        <AuthProvider manager={fakeManager('/surveys')}>
          <Routes>
            <Route path="/surveys" element={<h1>Surveys</h1>} />
            <Route path="*" element={<h1>We could not find that page.</h1>} />
          </Routes>
          <Where />
        </AuthProvider>
      </MemoryRouter>,
    );
    expect(await screen.findByRole('heading', { name: 'Surveys' })).toBeInTheDocument();
    expect(screen.getByText('/surveys as Dana Carer')).toBeInTheDocument();
    expect(screen.queryByText('We could not find that page.')).not.toBeInTheDocument();
  });

  it('never returns to another site or to the callback after sign-in', () => {
    expect(landingPath({ returnTo: '//evil.example/' })).toBe('/');
    expect(landingPath({ returnTo: 'https://evil.example/' })).toBe('/');
    expect(landingPath({ returnTo: '/auth/callback?code=1' })).toBe('/');
    expect(landingPath(undefined)).toBe('/');
    expect(landingPath({ returnTo: '/surveys?tab=open' })).toBe('/surveys?tab=open');
  });

  it('signing out leaves no one’s feed readable on the phone', async () => {
    keepFeed('carer.demo', [{ id: 'ann-1', title: 'Trip' }]);
    const manager = { ...fakeManager('/'), removeUser: vi.fn(async () => {}), signoutRedirect: vi.fn(async () => {}) } as unknown as UserManager;
    function SignOut() {
      const { signOut } = useAuth();
      return <button type="button" onClick={() => void signOut()}>Sign out</button>;
    }
    render(<MemoryRouter><AuthProvider manager={manager}><SignOut /></AuthProvider></MemoryRouter>);
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(manager.signoutRedirect).toHaveBeenCalled();
    expect(keptFeed('carer.demo')).toBeNull();
  });
});
