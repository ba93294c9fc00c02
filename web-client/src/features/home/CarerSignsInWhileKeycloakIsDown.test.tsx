import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import type { UserManager } from 'oidc-client-ts';
import { vi } from 'vitest';
import { AuthProvider } from '../../auth/AuthProvider';
import { HomePage } from './HomePage';

/** A manager whose sign-in redirect fails as oidc-client-ts does when Keycloak does not answer (fetch rejects). */
function keycloakDown(failure: Error) {
  const noop = () => undefined;
  return {
    getUser: vi.fn(async () => null),
    signinRedirect: vi.fn(async () => { throw failure; }),
    events: {
      addUserLoaded: noop, removeUserLoaded: noop, addUserUnloaded: noop, removeUserUnloaded: noop,
      addSilentRenewError: noop, removeSilentRenewError: noop,
    },
  } as unknown as UserManager;
}

function home(manager: UserManager) {
  render(<MemoryRouter><AuthProvider manager={manager}><HomePage /></AuthProvider></MemoryRouter>);
}

describe('a carer signing in while Keycloak is down', () => {
  it('is told the sign-in service is not answering and what to do, instead of a click that does nothing', async () => {
    home(keycloakDown(new TypeError('Failed to fetch')));
    await userEvent.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The sign-in service is not answering right now. Wait a minute and sign in again; if it keeps happening, tell your school office.');
  });

  it('still sees why when Keycloak answered but refused', async () => {
    home(keycloakDown(new Error('invalid_client')));
    await userEvent.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Sign-in did not complete: invalid_client. Try signing in again.');
  });
});
